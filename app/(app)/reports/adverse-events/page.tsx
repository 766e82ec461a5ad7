import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { adverseEventLog } from "@/lib/reports/adverse-events";
import { aeLogQuerySchema } from "@/lib/reports/adverse-events-schema";
import { siteDay } from "@/lib/time/days";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/patients/badges";
import { ReportTabs } from "@/components/reports/report-tabs";
import { DownloadButton } from "@/components/reports/download-button";
import { ReportedToRemsForm } from "@/components/reports/reported-to-rems-form";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Adverse events — Reports" };

const TYPES: Record<string, string> = {
  SEDATION: "Sedation",
  DISSOCIATION: "Dissociation",
  RESPIRATORY_DEPRESSION: "Respiratory depression",
  HYPERTENSION: "Hypertension",
  OTHER: "Other",
};
const input = "min-h-11 rounded-md border border-slate-300 bg-white px-3";

export default async function AdverseEventsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await authorizePage("reports.view");
  const q = aeLogQuerySchema.parse(await searchParams);
  const log = await adverseEventLog(user.siteIds, q);
  const today = siteDay(new Date(), user.sites[0]?.timeZone ?? "America/New_York");
  return (
    <>
      <PageHeader title="Reports" />
      <ReportTabs current="/reports/adverse-events" />
      <section aria-label="Adverse-event log" className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 className="text-lg font-semibold">Adverse-event log</h2>
            <p className="text-slate-700">
              Onset and resolution in each site&apos;s time zone. Serious events (and every event at an inpatient site) are reported to the REMS at
              1-855-382-6022.
            </p>
          </div>
          <p
            role="status"
            aria-label="Open REMS reports"
            className={`rounded-md border px-3 py-2 font-medium ${log.openCount ? "border-red-300 bg-red-50 text-red-900" : "border-green-300 bg-green-50 text-green-900"}`}
          >
            {log.openCount
              ? `${log.openCount} serious ${log.openCount === 1 ? "event" : "events"} not yet reported to the REMS`
              : "Every serious event is reported to the REMS"}
          </p>
        </div>
        <form method="get" id="ae-filters" className="mb-3 flex flex-wrap items-end gap-3" aria-label="Filter adverse events">
          {user.sites.length > 1 && (
            <label className="flex flex-col font-medium">
              Site
              <select name="site" defaultValue={q.site ?? ""} className={input}>
                <option value="">All my sites</option>
                {user.sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="flex flex-col font-medium">
            Onset from
            <input type="date" name="from" defaultValue={q.from} className={input} />
          </label>
          <label className="flex flex-col font-medium">
            to
            <input type="date" name="to" defaultValue={q.to} className={input} />
          </label>
          <label className="flex flex-col font-medium">
            Type
            <select name="type" defaultValue={q.type ?? ""} className={input}>
              <option value="">Any</option>
              {Object.entries(TYPES).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-flex min-h-11 items-center gap-2 font-medium">
            <input type="checkbox" name="serious" value="1" defaultChecked={!!q.serious} className="size-5" />
            Serious only
          </label>
          <button className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white">Filter</button>
          <DownloadButton
            label="Download CSV"
            action="/api/reports/adverse-events/csv"
            params={{ site: q.site, from: q.from, to: q.to, type: q.type, serious: q.serious }}
            unit="rows"
            variant="secondary"
          />
        </form>
        <DataTable
          label="Adverse events"
          noun="events"
          empty="No adverse events match."
          sort={{ key: q.sort, dir: q.dir }}
          page={log}
          columns={[
            { id: "onset", header: "Onset", sortable: true, nowrap: true },
            { id: "patient", header: "Patient", rowHeader: true },
            { id: "session", header: "Session", nowrap: true },
            { id: "type", header: "Type" },
            { id: "serious", header: "Serious" },
            { id: "description", header: "Description" },
            { id: "interventions", header: "Interventions" },
            { id: "outcome", header: "Outcome" },
            { id: "resolved", header: "Resolved", nowrap: true },
            { id: "rems", header: "Reported to REMS", action: true },
          ]}
          rows={log.rows.map((r) => ({
            id: r.id,
            tone: r.reportOpen ? "alert" : undefined,
            cells: {
              onset: (
                <>
                  {r.onset}
                  {user.sites.length > 1 && <div className="text-sm text-slate-600">{r.site}</div>}
                </>
              ),
              patient: (
                <>
                  {r.patient}
                  <div className="text-sm font-normal text-slate-600">{r.mrn}</div>
                </>
              ),
              session: r.sessionId ? (
                <>
                  {r.sessionDate ?? "Session"}
                  {r.sessionPmfId && (
                    <div>
                      <Link
                        href={`/api/reports/pmf/${r.sessionPmfId}/pdf`}
                        prefetch={false}
                        className="inline-flex min-h-11 items-center text-brand-700 underline"
                        aria-label={`Session PMF of ${r.patient}, ${r.sessionDate}`}
                      >
                        Session PMF
                      </Link>
                    </div>
                  )}
                </>
              ) : (
                "—"
              ),
              type: (
                <>
                  {TYPES[r.type] ?? r.type}
                  {r.spo2Nadir != null && <div className="text-sm text-slate-600">SpO₂ nadir {r.spo2Nadir}%</div>}
                </>
              ),
              serious: r.serious ? <Badge tone="red">Serious</Badge> : "No",
              description: <span className="block min-w-48 max-w-xs">{r.description}</span>,
              interventions: r.interventions.length ? r.interventions.join("; ") : "—",
              outcome: r.outcome ?? "—",
              resolved: r.resolved ?? <Badge tone="amber">Not resolved</Badge>,
              rems: r.reportedOn ? (
                <span>
                  {r.reportedOn} · {r.remsReference}
                </span>
              ) : r.needsReport ? (
                <div className="flex flex-col items-start gap-1">
                  <span className="whitespace-nowrap">
                    <Badge tone="red">Not reported</Badge>
                  </span>
                  <ReportedToRemsForm eventId={r.id} version={r.version} label={`${r.patient}, ${r.onset}`} today={today} />
                </div>
              ) : (
                <span className="text-slate-600">Not required</span>
              ),
            },
          }))}
        />
      </section>
    </>
  );
}
