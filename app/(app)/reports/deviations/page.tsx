import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";
import { deviationReport } from "@/lib/reports/deviations";
import { DEVIATION_KIND_LABEL } from "@/lib/reports/deviation-rules";
import { effectiveRange, rangeQuerySchema } from "@/lib/reports/range-schema";
import { localDate } from "@/lib/sessions/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/patients/badges";
import { ReportTabs } from "@/components/reports/report-tabs";
import { RangeFilter } from "@/components/reports/range-filter";

export const metadata: Metadata = { title: "Protocol deviations — Reports" };

const TONE = { forty_minute: "red", spo2: "amber", gate: "slate", override: "amber", late_entry: "amber", recorded: "red" } as const;

export default async function DeviationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await authorizePage("reports.view");
  const q = rangeQuerySchema.parse(await searchParams);
  const siteIds = q.site && user.siteIds.includes(q.site) ? [q.site] : user.siteIds;
  const { from, to } = effectiveRange(q, localDate(new Date(), user.sites[0]?.timeZone ?? "America/New_York"));
  const report = await deviationReport(siteIds, from, to);
  const byKind = Object.entries(DEVIATION_KIND_LABEL).map(([k, label]) => [label, report.rows.reduce((n, r) => n + r.deviations.filter((d) => d.kind === k).length, 0)] as const);
  return (
    <>
      <PageHeader title="Reports" />
      <ReportTabs current="/reports/deviations" />
      <section aria-label="Protocol deviations" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">Protocol deviations</h2>
        <p className="mb-3 text-slate-700">Derived from each session&apos;s record: the 40-minute BP outside 30–50 minutes (R25), SpO₂ missing where required (R27), prescriber GATE decisions, and SOFT warnings acknowledged to proceed (from the audit trail).</p>
        <RangeFilter label="Filter deviations" sites={user.sites} site={q.site} from={from} to={to} />
        <dl aria-label="Deviation summary" className="mb-4 flex flex-wrap gap-3">
          <div className="rounded-md border border-slate-200 px-3 py-2"><dt className="text-sm text-slate-600">Sessions checked</dt><dd className="text-xl font-semibold">{report.checked}</dd>{report.truncated && <p className="text-sm text-amber-900">The most recent {report.checked} only: narrow the dates to see the rest.</p>}</div>
          <div className="rounded-md border border-slate-200 px-3 py-2"><dt className="text-sm text-slate-600">With findings</dt><dd className="text-xl font-semibold">{report.rows.length}</dd></div>
          {byKind.map(([label, n]) => <div key={label} className="rounded-md border border-slate-200 px-3 py-2"><dt className="text-sm text-slate-600">{label}</dt><dd className="text-xl font-semibold">{n}</dd></div>)}
        </dl>
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <thead className="bg-slate-100 text-sm"><tr><th scope="col" className="p-2">Treatment</th><th scope="col" className="p-2">Patient</th><th scope="col" className="p-2">Findings</th></tr></thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={r.sessionId} className="border-t border-slate-200 align-top">
                  <td className="p-2 whitespace-nowrap">{r.treatmentDate}{user.sites.length > 1 && <div className="text-sm text-slate-600">{r.site}</div>}</td>
                  <td className="p-2 font-medium">{r.patient}<div className="text-sm font-normal text-slate-600">{r.mrn} · {r.status.toLowerCase().replace("_", " ")}</div></td>
                  <td className="p-2">
                    <ul className="flex flex-col gap-1">
                      {r.deviations.map((d, i) => <li key={i} className="flex flex-wrap items-baseline gap-2"><Badge tone={TONE[d.kind]}>{DEVIATION_KIND_LABEL[d.kind]}</Badge><span>{d.message}</span></li>)}
                    </ul>
                  </td>
                </tr>
              ))}
              {!report.rows.length && <tr><td colSpan={3} className="p-3 text-slate-700">No deviations in these sessions.</td></tr>}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
