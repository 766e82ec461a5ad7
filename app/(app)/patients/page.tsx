import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { listPatients } from "@/lib/patients/data";
import { formatCalendarDate } from "@/lib/patients/format";
import { patientListQuerySchema } from "@/lib/patients/schema";
import { PageHeader } from "@/components/ui/page-header";
import { Badge, EnrollmentBadge } from "@/components/patients/badges";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await authorizePage("patient.read");
  const query = patientListQuerySchema.parse(await searchParams);
  const siteIds = query.site && user.siteIds.includes(query.site) ? [query.site] : user.siteIds;
  const list = await listPatients(siteIds, query.q, query.page);
  const href = (page: number) => `/patients?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.site ? { site: query.site } : {}), page: String(page) })}`;
  const first = (list.page - 1) * list.pageSize + 1;
  const last = first + list.rows.length - 1;
  const manySites = user.sites.length > 1;
  return (
    <>
      <PageHeader title="Patients">
        <Link href="/patients/new" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">New patient</Link>
      </PageHeader>
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <label className="flex min-w-64 flex-1 flex-col font-medium">
          Search by name or MRN
          <input name="q" type="search" defaultValue={query.q} placeholder="e.g. Rivera, Casey Riv, A-1003" className="min-h-11 rounded-md border border-slate-300 bg-white px-3" />
        </label>
        {manySites && (
          <label className="flex flex-col font-medium">
            Site
            <select name="site" defaultValue={query.site ?? ""} className="min-h-11 rounded-md border border-slate-300 bg-white px-3">
              <option value="">All my sites</option>
              {user.sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
        )}
        <button className="min-h-11 rounded-md bg-brand-700 px-5 font-medium text-white hover:bg-brand-800">Search</button>
      </form>
      <p className="mb-2 text-slate-700" aria-live="polite">
        {list.total === 0 ? "No patients match." : `Showing ${first}–${last} of ${list.capped ? `more than ${list.total - 1}` : list.total}`}
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left">
          <thead className="bg-slate-100 text-sm">
            <tr>
              <th scope="col" className="p-3">Name</th><th scope="col" className="p-3">MRN</th><th scope="col" className="p-3">Date of birth</th>
              {manySites && <th scope="col" className="p-3">Site</th>}
              <th scope="col" className="p-3">Indication</th><th scope="col" className="p-3">REMS enrollment</th><th scope="col" className="p-3">Flags</th><th scope="col" className="p-3">Last session</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((p) => (
              <tr key={p.id} className="border-t border-slate-200">
                <td className="p-3"><Link href={`/patients/${p.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{p.name}</Link></td>
                <td className="p-3 tabular-nums">{p.mrn}</td>
                <td className="p-3">{formatCalendarDate(new Date(`${p.birthDate}T00:00:00Z`))}</td>
                {manySites && <td className="p-3">{p.siteName}</td>}
                <td className="p-3">{p.indication ?? "—"}</td>
                <td className="p-3"><EnrollmentBadge state={p.enrollment} /></td>
                <td className="p-3">
                  <span className="flex flex-wrap gap-1">
                    {p.contraindications > 0 && <Badge tone="red">{p.contraindications} contraindication{p.contraindications > 1 ? "s" : ""}</Badge>}
                    {p.cautions > 0 && <Badge tone="amber">{p.cautions} caution{p.cautions > 1 ? "s" : ""}</Badge>}
                    {!p.contraindications && !p.cautions && "—"}
                  </span>
                </td>
                <td className="p-3">{p.lastSessionDate ? formatCalendarDate(new Date(`${p.lastSessionDate}T00:00:00Z`)) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="mt-4 flex items-center gap-3">
        {list.page > 1 ? <Link href={href(list.page - 1)} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4">Previous</Link> : <span className="inline-flex min-h-11 items-center px-4 text-slate-400">Previous</span>}
        <span>Page {list.page} of {list.capped ? `${list.pageCount}+` : list.pageCount}</span>
        {list.page < list.pageCount || (list.capped && list.rows.length === list.pageSize) ? <Link href={href(list.page + 1)} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4">Next</Link> : <span className="inline-flex min-h-11 items-center px-4 text-slate-400">Next</span>}
      </nav>
    </>
  );
}
