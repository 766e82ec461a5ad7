import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";
import { siteChoices } from "@/lib/patients/data";
import { IMPORT_COLUMNS } from "@/lib/patients/import-schema";
import { PageHeader } from "@/components/ui/page-header";
import { PatientImport } from "@/components/import/patient-import";

export const metadata: Metadata = { title: "Import patients" };

export default async function ImportPatientsPage() {
  const user = await authorizePage("patient.import");
  const sites = await siteChoices(user.siteIds);
  return (
    <>
      <PageHeader title="Import patients" />
      <p className="mb-4 max-w-3xl text-slate-700">
        For a clinic moving from spreadsheets: save the patient list as CSV, check it here (nothing is saved), correct what the check lists, then import. The
        import brings in every row or none. An enrollment needs the prescriber&apos;s email (a psychiatrist of the site); dates are YYYY-MM-DD.
      </p>
      <details className="mb-4 max-w-3xl">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium">Columns</summary>
        <ul className="ml-5 list-disc text-sm">
          {IMPORT_COLUMNS.map((c) => (
            <li key={c.field}>
              <code>{c.header}</code>
              {c.required ? " (required)" : ""}
            </li>
          ))}
        </ul>
      </details>
      <PatientImport sites={sites} />
    </>
  );
}
