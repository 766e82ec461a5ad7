import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";
import { monitoringDurations } from "@/lib/reports/monitoring-duration";
import type { Distribution } from "@/lib/reports/duration-rules";
import { effectiveRange, rangeQuerySchema } from "@/lib/reports/range-schema";
import { siteDay } from "@/lib/time/days";
import { PageHeader } from "@/components/ui/page-header";
import { ReportTabs } from "@/components/reports/report-tabs";
import { RangeFilter } from "@/components/reports/range-filter";
import { DurationChart } from "@/components/reports/duration-chart";

export const metadata: Metadata = { title: "Monitoring duration — Reports" };

const fmt = (v: number | null) => (v == null ? "—" : `${Number.isInteger(v) ? v : v.toFixed(1)} min`);

function DistributionSection({ title, note, d }: { title: string; note: string; d: Distribution }) {
  return (
    <section aria-label={title} className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mb-3 text-slate-700">{note}</p>
      <dl aria-label={`${title} summary`} className="mb-3 flex flex-wrap gap-3">
        {[
          ["Sessions", String(d.n)],
          ["Median", fmt(d.median)],
          ["90th percentile", fmt(d.p90)],
          ["Shortest", fmt(d.min)],
          ["Longest", fmt(d.max)],
        ].map(([k, v]) => (
          <div key={k} className="rounded-md border border-slate-200 px-3 py-2">
            <dt className="text-sm text-slate-600">{k}</dt>
            <dd className="text-xl font-semibold">{v}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap items-start gap-6">
        <table className="text-left" aria-label={`${title} by bucket`}>
          <thead className="bg-slate-100 text-sm">
            <tr>
              <th scope="col" className="p-2">
                Minutes
              </th>
              <th scope="col" className="p-2 text-right">
                Sessions
              </th>
            </tr>
          </thead>
          <tbody>
            {d.buckets.map((b) => (
              <tr key={b.label} className="border-t border-slate-200">
                <th scope="row" className="p-2 font-normal">
                  {b.label}
                </th>
                <td className="p-2 text-right tabular-nums">{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="min-w-72 flex-1">
          <DurationChart label={`${title} chart`} data={d.buckets.map((b) => ({ label: b.label, count: b.count }))} />
        </div>
      </div>
    </section>
  );
}

export default async function MonitoringDurationPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await authorizePage("reports.view");
  const q = rangeQuerySchema.parse(await searchParams);
  const siteIds = q.site && user.siteIds.includes(q.site) ? [q.site] : user.siteIds;
  const { from, to } = effectiveRange(q, siteDay(new Date(), user.sites[0]?.timeZone ?? "America/New_York"));
  const d = await monitoringDurations(siteIds, from, to);
  return (
    <>
      <PageHeader title="Reports" />
      <ReportTabs current="/reports/monitoring-duration" />
      <RangeFilter label="Filter monitoring duration" sites={user.sites} site={q.site} from={from} to={to} />
      <DistributionSection
        title="Total monitoring time"
        d={d.total}
        note="PMF row 19: whole minutes from the first device to the end of monitoring, over discharged sessions (emergency transfers left out). The REMS minimum is 120 minutes."
      />
      <DistributionSection
        title="Ready to leave without the 2-hour minimum"
        d={d.ready}
        note="PMF row 20: the monitoring HCP's answer, minutes from the start of administration."
      />
    </>
  );
}
