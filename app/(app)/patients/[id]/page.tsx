import type { Metadata } from "next";
import Link from "next/link";
import { BackEntryBadge } from "@/components/sessions/back-entry-badge";
import { authorizeRecordPage } from "@/lib/auth/authorize-record";
import { can } from "@/lib/auth/permissions";
import { patientDetail } from "@/lib/patients/data";
import { ageOn, formatCalendarDate, formatDateTime } from "@/lib/patients/format";
import { flagLabel } from "@/lib/sessions/eligibility-rules";
import { siteDay } from "@/lib/time/days";
import { Badge } from "@/components/patients/badges";
import { Counselling } from "@/components/patients/counselling";
import { DemographicsForm } from "@/components/patients/demographics-form";
import { DosingGate } from "@/components/patients/dosing-gate";
import { RemsEnrollment } from "@/components/patients/rems-enrollment";
import { counsellingView, demographicsOf, remsEnrollmentView } from "@/lib/patients/enrollment-view";
import { AddFlagForm, RemoveFlag } from "@/components/patients/flag-controls";
import { PatientTabs } from "@/components/patients/patient-tabs";
import { Transfers } from "@/components/patients/transfers";
import { transfersOf } from "@/lib/patients/transfers";
import { HepaticImpairmentPanel } from "@/components/patients/hepatic-impairment";
import { MedicationList } from "@/components/patients/medication-list";
import { medicationsOf } from "@/lib/patients/medications";
import { hepaticImpairmentOf } from "@/lib/patients/hepatic";

export const metadata: Metadata = { title: "Patient" };

const SEX = { MALE: "Male", FEMALE: "Female", OTHER: "Other" } as const;
const STATUS: Record<string, string> = {
  SCHEDULED: "Scheduled",
  CHECKED_IN: "Checked in",
  DOSING: "Dosing",
  MONITORING: "Monitoring",
  DISCHARGED: "Discharged",
  EMERGENCY_TRANSFER: "Emergency transfer",
  CANCELLED: "Cancelled",
  RESCHEDULED: "Rescheduled",
  NOT_DOSED: "Not dosed",
};
const DOSED = new Set(["DOSING", "MONITORING", "DISCHARGED", "EMERGENCY_TRANSFER"]);
const cal = (iso: string) => formatCalendarDate(new Date(`${iso}T00:00:00Z`));

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The site is read first and checked: another site's patient is "not found", with nothing of it sent.
  const user = await authorizeRecordPage("patient.read", "Patient", id);
  const canCheckIn = can(user.role, "clinical.record");
  const canManageFlags = can(user.role, "flag.manage");
  const [p, transfers, medications, hepatic] = [(await patientDetail(id))!, await transfersOf(id), await medicationsOf(id), await hepaticImpairmentOf(id)];
  const tz = p.site.timeZone;
  const [rems, counselling] = await Promise.all([remsEnrollmentView(p.id, p.site.id, tz), counsellingView(p.id, p.site.id, tz)]);
  const contraindications = p.flags.filter((f) => f.category === "CONTRAINDICATION");
  const cautions = p.flags.filter((f) => f.category === "CAUTION");
  return (
    <>
      <PatientTabs
        patientId={p.id}
        name={`${p.lastName}, ${p.firstName}${p.middleInitial ? ` ${p.middleInitial}.` : ""}`}
        mrn={p.mrn}
        current="overview"
        subtitle={
          <>
            born {cal(p.birthDate)} (age {ageOn(p.birthDate, siteDay(new Date(), tz))}) · {SEX[p.sex]} · {p.phone ?? "no phone"}
            {p.email ? ` · ${p.email}` : ""} · {p.indication ?? "indication not recorded"} · {p.site.name}
          </>
        }
        action={
          canCheckIn && (
            <Link
              href={`/sessions/new?patientId=${p.id}`}
              className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
            >
              Check in for a session
            </Link>
          )
        }
      />
      {can(user.role, "patient.write") && (
        <div className="mb-4">
          <DemographicsForm patientId={p.id} initial={demographicsOf(p)} />
        </div>
      )}
      <DosingGate
        enrollmentRequired={p.enrollmentRequired}
        enrolled={p.enrolled}
        counselled={!!p.counselledAt}
        firstSessionAhead={!p.sessions.some((s) => s.monitoringMinutes != null || DOSED.has(s.status))}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <RemsEnrollment
          patientId={p.id}
          required={p.enrollmentRequired}
          history={rems.history}
          missing={rems.missing}
          prescribers={rems.prescribers}
          canRecord={can(user.role, "enrollment.record")}
        />
        <Counselling
          patientId={p.id}
          view={counselling.view}
          counsellors={counselling.counsellors}
          selfId={user.id}
          canRecord={can(user.role, "counselling.record")}
        />
        <section aria-labelledby="flags" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="flags" className="mb-2 text-lg font-semibold">
            Contraindications and cautions
          </h2>
          {!p.flags.length && <p className="text-slate-700">None recorded.</p>}
          <ul className="flex flex-col gap-2">
            {contraindications.map((f) => (
              <li key={f.id}>
                <Badge tone="red">Contraindication: {flagLabel(f.kind)}</Badge> <span className="text-sm text-red-900">blocks dosing</span>
                {f.note && <p className="text-sm text-slate-700">{f.note}</p>}
                {canManageFlags && <RemoveFlag patientId={p.id} flagId={f.id} label={flagLabel(f.kind)} />}
              </li>
            ))}
            {cautions.map((f) => (
              <li key={f.id}>
                <Badge tone="amber">Caution: {flagLabel(f.kind)}</Badge>{" "}
                <span className="text-sm text-amber-900">prescriber decision needed at the next session</span>
                {f.note && <p className="text-sm text-slate-700">{f.note}</p>}
                {canManageFlags && <RemoveFlag patientId={p.id} flagId={f.id} label={flagLabel(f.kind)} />}
              </li>
            ))}
          </ul>
          {canManageFlags && <AddFlagForm patientId={p.id} />}
        </section>
        <HepaticImpairmentPanel
          patientId={p.id}
          level={hepatic!.level}
          version={hepatic!.version}
          canRecord={can(user.role, "hepatic.record")}
          recorded={hepatic!.recordedAt ? `${formatDateTime(hepatic!.recordedAt, tz)}${hepatic!.recordedBy ? ` by ${hepatic!.recordedBy}` : ""}` : null}
        />
      </div>
      <MedicationList patientId={p.id} medications={medications} canRecord={can(user.role, "medication.record")} today={siteDay(new Date(), tz)} />
      <Transfers patientId={p.id} transfers={transfers} canRecord={can(user.role, "transfer.record")} />
      <section aria-labelledby="history" className="mt-6">
        <h2 id="history" className="mb-2 text-lg font-semibold">
          Session history
        </h2>
        {!p.sessions.length ? (
          <p className="text-slate-700">No sessions yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left">
              <thead className="bg-slate-100 text-sm">
                <tr>
                  <th scope="col" className="p-3">
                    Date
                  </th>
                  <th scope="col" className="p-3">
                    Dose
                  </th>
                  <th scope="col" className="p-3">
                    Status
                  </th>
                  <th scope="col" className="p-3">
                    Monitoring
                  </th>
                  <th scope="col" className="p-3">
                    40-min BP
                  </th>
                  <th scope="col" className="p-3">
                    PMF
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.sessions.map((s) => (
                  <tr key={s.id} className="border-t border-slate-200">
                    <td className="p-3">
                      <Link href={`/sessions/${s.id}`} className="text-brand-700 underline">
                        {s.treatmentDate ? cal(s.treatmentDate) : "Open"}
                      </Link>
                    </td>
                    <td className="p-3">{s.doseMg ? `${s.doseMg} mg` : "—"}</td>
                    <td className="p-3">
                      {STATUS[s.status] ?? s.status}
                      {s.notDosedReason ? ` — ${s.notDosedReason}` : ""}
                      <BackEntryBadge reason={s.backEntryReason} />
                    </td>
                    <td className="p-3">{s.monitoringMinutes != null ? `${s.monitoringMinutes} min` : "—"}</td>
                    <td className="p-3 tabular-nums">{s.fortyMinuteBp ?? "—"}</td>
                    <td className="p-3">{s.pmfStatus ? s.pmfStatus.toLowerCase() : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
