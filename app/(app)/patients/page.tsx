import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { listPatients } from "@/lib/patients/data";
import { formatCalendarDate } from "@/lib/patients/format";
import { patientListQuerySchema } from "@/lib/patients/schema";
import { PageHeader } from "@/components/ui/page-header";
import { Badge, EnrollmentBadge } from "@/components/patients/badges";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await authorizePage("patient.read");
  const query = patientListQuerySchema.parse(await searchParams);
  const siteIds = query.site && user.siteIds.includes(query.site) ? [query.site] : user.siteIds;
  const list = await listPatients(siteIds, query.q, query.page);
  const manySites = user.sites.length > 1;
  return (
    <>
      <PageHeader title="Patients">
        <Link href="/patients/new" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
          New patient
        </Link>
      </PageHeader>
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <label className="flex min-w-64 flex-1 flex-col font-medium">
          Search by name or MRN
          <input
            name="q"
            type="search"
            defaultValue={query.q}
            placeholder="e.g. Rivera, Casey Riv, A-1003"
            className="min-h-11 rounded-md border border-slate-300 bg-white px-3"
          />
        </label>
        {manySites && (
          <label className="flex flex-col font-medium">
            Site
            <select name="site" defaultValue={query.site ?? ""} className="min-h-11 rounded-md border border-slate-300 bg-white px-3">
              <option value="">All my sites</option>
              {user.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button className="min-h-11 rounded-md bg-brand-700 px-5 font-medium text-white hover:bg-brand-800">Search</button>
      </form>
      <DataTable
        label="Patients"
        noun="patients"
        empty="No patients match."
        page={list}
        columns={[
          { id: "name", header: "Name", rowHeader: true },
          { id: "mrn", header: "MRN", nowrap: true },
          { id: "birthDate", header: "Date of birth", nowrap: true },
          ...(manySites ? [{ id: "site", header: "Site" }] : []),
          { id: "indication", header: "Indication" },
          { id: "enrollment", header: "REMS enrollment" },
          { id: "flags", header: "Flags" },
          { id: "lastSession", header: "Last session", nowrap: true },
        ]}
        rows={list.rows.map((p) => ({
          id: p.id,
          cells: {
            name: (
              <Link href={`/patients/${p.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                {p.name}
              </Link>
            ),
            mrn: p.mrn,
            birthDate: formatCalendarDate(new Date(`${p.birthDate}T00:00:00Z`)),
            site: p.siteName,
            indication: p.indication ?? "—",
            enrollment: <EnrollmentBadge state={p.enrollment} />,
            flags: (
              <span className="flex flex-wrap gap-1">
                {p.contraindications > 0 && (
                  <Badge tone="red">
                    {p.contraindications} contraindication{p.contraindications > 1 ? "s" : ""}
                  </Badge>
                )}
                {p.cautions > 0 && (
                  <Badge tone="amber">
                    {p.cautions} caution{p.cautions > 1 ? "s" : ""}
                  </Badge>
                )}
                {!p.contraindications && !p.cautions && "—"}
              </span>
            ),
            lastSession: p.lastSessionDate ? formatCalendarDate(new Date(`${p.lastSessionDate}T00:00:00Z`)) : "—",
          },
        }))}
      />
    </>
  );
}
