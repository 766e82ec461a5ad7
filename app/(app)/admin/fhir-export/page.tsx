import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";
import { siteChoices } from "@/lib/patients/data";
import { serverNow } from "@/lib/clock";
import { addDays, siteDay } from "@/lib/time/days";
import { FhirExport } from "@/components/fhir/fhir-export";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "FHIR export" };

export default async function FhirExportPage() {
  const user = await authorizePage("fhir.export");
  const sites = await siteChoices(user.siteIds);
  const today = siteDay(serverNow(), user.sites[0]?.timeZone ?? "America/New_York");
  return (
    <>
      <PageHeader title="FHIR export" />
      <p className="mb-4 max-w-3xl text-slate-700">
        The sessions of a site checked in between two days, as FHIR R4 resources: one NDJSON file per resource type (Patient, Encounter,
        MedicationAdministration, Observation …), for an EHR or a registry. Each export is recorded in the audit log.
      </p>
      <FhirExport sites={sites} defaultFrom={addDays(today, -30)} defaultTo={today} />
    </>
  );
}
