import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";
import Link from "next/link";
import { cursorParam, deviationReport, parseCursor } from "@/lib/reports/deviations";
import { DataTable } from "@/components/ui/data-table";
import { DEVIATION_KIND_LABEL } from "@/lib/reports/deviation-rules";
import { effectiveRange, rangeQuerySchema } from "@/lib/reports/range-schema";
import { siteDay } from "@/lib/time/days";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/patients/badges";
import { ReportTabs } from "@/components/reports/report-tabs";
import { RangeFilter } from "@/components/reports/range-filter";

export const metadata: Metadata = { title: "Protocol deviations — Reports" };

const pager = "inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-brand-700";
const TONE = { forty_minute: "red", spo2: "amber", gate: "slate", override: "amber", late_entry: "amber", recorded: "red" } as const;

export default async function DeviationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await authorizePage("reports.view");
  const params = await searchParams;
  const q = rangeQuerySchema.parse(params);
  const after = parseCursor(params.after);
  const siteIds = q.site && user.siteIds.includes(q.site) ? [q.site] : user.siteIds;
  const { from, to } = effectiveRange(q, siteDay(new Date(), user.sites[0]?.timeZone ?? "America/New_York"));
  const report = await deviationReport(siteIds, from, to, { after });
  const keep = { ...(q.site ? { site: q.site } : {}), from, to };
  const byKind = Object.entries(DEVIATION_KIND_LABEL).map(
    ([k, label]) => [label, report.rows.reduce((n, r) => n + r.deviations.filter((d) => d.kind === k).length, 0)] as const,
  );
  return (
    <>
      <PageHeader title="Reports" />
      <ReportTabs current="/reports/deviations" />
      <section aria-label="Protocol deviations" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">Protocol deviations</h2>
        <p className="mb-3 text-slate-700">
          Derived from each session&apos;s record: the 40-minute BP outside 30–50 minutes, SpO₂ missing where required, prescriber GATE decisions, and SOFT
          warnings acknowledged to proceed (from the audit trail).
        </p>
        <RangeFilter label="Filter deviations" sites={user.sites} site={q.site} from={from} to={to} />
        <dl aria-label="Deviation summary" className="mb-4 flex flex-wrap gap-3">
          <div className="rounded-md border border-slate-200 px-3 py-2">
            <dt className="text-sm text-slate-600">Dosed sessions in range</dt>
            <dd className="text-xl font-semibold">{report.capped ? `more than ${report.inRange}` : report.inRange}</dd>
          </div>
          <div className="rounded-md border border-slate-200 px-3 py-2">
            <dt className="text-sm text-slate-600">Checked on this page</dt>
            <dd className="text-xl font-semibold">{report.checked}</dd>
          </div>
          <div className="rounded-md border border-slate-200 px-3 py-2">
            <dt className="text-sm text-slate-600">With findings on this page</dt>
            <dd className="text-xl font-semibold">{report.rows.length}</dd>
          </div>
          {byKind.map(([label, n]) => (
            <div key={label} className="rounded-md border border-slate-200 px-3 py-2">
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="text-xl font-semibold">{n}</dd>
            </div>
          ))}
        </dl>
        <DataTable
          label="Sessions with protocol deviations"
          empty={after ? "No deviations in these older sessions." : "No deviations in these sessions."}
          columns={[
            { id: "treatment", header: "Treatment", nowrap: true },
            { id: "patient", header: "Patient", rowHeader: true },
            { id: "findings", header: "Findings" },
          ]}
          rows={report.rows.map((r) => ({
            id: r.sessionId,
            cells: {
              treatment: (
                <>
                  {r.treatmentDate}
                  {user.sites.length > 1 && <div className="text-sm text-slate-600">{r.site}</div>}
                </>
              ),
              patient: (
                <>
                  {r.patient}
                  <div className="text-sm font-normal text-slate-600">
                    {r.mrn} · {r.status.toLowerCase().replace("_", " ")}
                  </div>
                </>
              ),
              findings: (
                <ul className="flex flex-col gap-1">
                  {r.deviations.map((d, i) => (
                    <li key={i} className="flex flex-wrap items-baseline gap-2">
                      <Badge tone={TONE[d.kind]}>{DEVIATION_KIND_LABEL[d.kind]}</Badge>
                      <span>{d.message}</span>
                    </li>
                  ))}
                </ul>
              ),
            },
          }))}
        />
        <nav aria-label="Pages of the deviation report" className="mt-3 flex flex-wrap items-center gap-2">
          {after && (
            <Link href={`?${new URLSearchParams(keep)}`} className={pager}>
              Newest sessions
            </Link>
          )}
          {report.next ? (
            <Link href={`?${new URLSearchParams({ ...keep, after: cursorParam(report.next) })}`} className={pager}>
              Older sessions (from {report.next.date})
            </Link>
          ) : (
            <span className="inline-flex min-h-11 items-center px-3 text-slate-700">
              {after ? "No older sessions in this range." : "Every session in this range is shown."}
            </span>
          )}
        </nav>
      </section>
    </>
  );
}
