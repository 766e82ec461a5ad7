import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { authorizeRecordPage } from "@/lib/auth/authorize-record";
import { can } from "@/lib/auth/permissions";
import { authorizationsFor } from "@/lib/authorizations/data";
import { patientDetail } from "@/lib/patients/data";
import { PatientTabs } from "@/components/patients/patient-tabs";
import { AuthorizationTable } from "@/components/authorizations/authorization-table";
import { AuthorizationForm } from "@/components/authorizations/authorization-form";

export const metadata: Metadata = { title: "Prior authorizations" };

/** The patient's prior authorizations with sessions used from the record; prescribers and administrators add them. */
export default async function PatientAuthorizationsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await authorizeRecordPage("authorization.view", "Patient", id);
  const [p, list] = await Promise.all([patientDetail(id), authorizationsFor(id)]);
  if (!p || !list) notFound();
  return (
    <>
      <PatientTabs
        patientId={id}
        name={`${p.firstName} ${p.lastName}`}
        mrn={p.mrn}
        current="authorizations"
        only={can(user.role, "patient.read") ? undefined : ["authorizations"]}
      />
      <h2 className="mb-2 text-xl font-semibold">Prior authorizations</h2>
      <p className="mb-3 text-slate-700">Sessions used are the dosing sessions on record between the approved dates (the last day included).</p>
      {list.rows.length ? (
        <AuthorizationTable rows={list.rows} caption="Prior authorizations of this patient" />
      ) : (
        <p className="mb-3">No prior authorization on file: a visit cannot be booked until one is recorded.</p>
      )}
      {can(user.role, "authorization.manage") && (
        <section aria-labelledby="add-authorization" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="add-authorization" className="mb-2 text-lg font-semibold">
            Record a prior authorization
          </h2>
          <AuthorizationForm patientId={id} />
        </section>
      )}
    </>
  );
}
