import type { Metadata } from "next";
import Link from "next/link";
import { BackEntryBadge } from "@/components/sessions/back-entry-badge";
import { authorizePage } from "@/lib/auth/authorize";
import { pmfWorklist } from "@/lib/pmf/worklist";
import { worklistQuerySchema } from "@/lib/pmf/schema";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/patients/badges";
import { SubmitPmfForm } from "@/components/reports/submit-pmf-form";
import { AmendPmfForm } from "@/components/reports/amend-pmf-form";
import { ReportTabs } from "@/components/reports/report-tabs";
import { DownloadButton } from "@/components/reports/download-button";
import { DataTable } from "@/components/ui/data-table";
import { addDays, siteDay } from "@/lib/time/days";

export const metadata: Metadata = { title: "Reports" };

const DUE = { open: ["Open", "slate"], due_soon: ["Due soon", "amber"], overdue: ["Overdue", "red"] } as const;
const input = "min-h-11 rounded-md border border-slate-300 bg-white px-3";

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await authorizePage("reports.view");
  const q = worklistQuerySchema.parse(await searchParams);
  const siteIds = q.site && user.siteIds.includes(q.site) ? [q.site] : user.siteIds;
  const list = await pmfWorklist(siteIds, q);
  const exportSite = siteIds[0];
  const today = siteDay(new Date(), user.sites.find((s) => s.id === exportSite)?.timeZone ?? "UTC");
  const monthAgo = addDays(today, -60);
  return (
    <>
      <PageHeader title="Reports" />
      <ReportTabs current="/reports" />
      <section aria-label="Export Patient Monitoring Forms" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">Export Patient Monitoring Forms</h2>
        <form method="get" action="/api/reports/pmf/csv" id="pmf-export" className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col font-medium">
            Site
            <select name="siteId" defaultValue={exportSite} className={input}>
              {user.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col font-medium">
            Treatment from
            <input type="date" name="from" defaultValue={q.from ?? monthAgo} className={input} />
          </label>
          <label className="flex flex-col font-medium">
            to
            <input type="date" name="to" defaultValue={q.to ?? today} className={input} />
          </label>
          <DownloadButton label="Download CSV" action="/api/reports/pmf/csv" form="pmf-export" unit="rows" />
          <DownloadButton label="Download PDF" action="/api/reports/pmf/pdf" form="pmf-export" unit="bytes" variant="secondary" />
        </form>
      </section>
      <section aria-label="Patient Monitoring Forms" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">Patient Monitoring Forms — due within 7 days of treatment</h2>
        <form method="get" className="mb-3 flex flex-wrap items-end gap-3" aria-label="Filter forms">
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
            Patient (MRN or last name)
            <input name="patient" defaultValue={q.patient} className={input} />
          </label>
          <label className="flex flex-col font-medium">
            Status
            <select name="status" defaultValue={q.status ?? ""} className={input}>
              <option value="">Any</option>
              <option value="DRAFT">Draft</option>
              <option value="READY">Ready</option>
              <option value="SUBMITTED">Submitted</option>
            </select>
          </label>
          <label className="flex flex-col font-medium">
            From
            <input type="date" name="from" defaultValue={q.from} className={input} />
          </label>
          <label className="flex flex-col font-medium">
            To
            <input type="date" name="to" defaultValue={q.to} className={input} />
          </label>
          <button className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white">Filter</button>
        </form>
        <DataTable
          label="Patient Monitoring Forms"
          noun="forms"
          empty="No forms match."
          sort={{ key: q.sort, dir: q.dir }}
          page={list}
          columns={[
            { id: "patient", header: "Patient", rowHeader: true },
            { id: "treatment", header: "Treatment", nowrap: true },
            { id: "due", header: "Due", sortable: true, nowrap: true },
            { id: "state", header: "State" },
            { id: "owner", header: "Owner" },
            { id: "submission", header: "Submission" },
            { id: "actions", header: "Actions", action: true },
          ]}
          rows={list.rows.map((r) => ({
            id: r.id,
            cells: {
              patient: (
                <>
                  {r.patient}
                  <BackEntryBadge reason={r.backEntryReason} />
                  {user.sites.length > 1 && <div className="text-sm font-normal text-slate-600">{r.site}</div>}
                </>
              ),
              treatment: r.treatmentDate,
              due: r.dueDate,
              state: r.dueState ? (
                <Badge tone={DUE[r.dueState][1]}>
                  {DUE[r.dueState][0]}
                  {r.dueState === "overdue" ? ` (${-r.daysLeft} d)` : ""}
                </Badge>
              ) : (
                <Badge tone="green">Submitted</Badge>
              ),
              owner: r.owner ?? "—",
              submission: (
                <>
                  {r.amends && (
                    <p className="mb-1 text-sm text-slate-800">
                      <Badge tone="amber">Amendment</Badge> Amends the form submitted {r.amends.submittedOn ?? "—"} (
                      {r.amends.confirmation ?? "no confirmation"}). Reason: {r.amends.reason}
                    </p>
                  )}
                  {r.status === "SUBMITTED" ? (
                    <span>
                      {r.channel?.toLowerCase()} · {r.confirmation}
                    </span>
                  ) : r.missing.length ? (
                    <span className="text-sm text-slate-700">Incomplete: {r.missing.join(", ")}</span>
                  ) : (
                    <span className="text-sm text-slate-700">Ready to submit</span>
                  )}
                  {r.amendedBy && (
                    <p className="text-sm text-slate-800">
                      <Badge tone="slate">Amended</Badge> Amended by the form of {r.amendedBy.createdOn} ({r.amendedBy.status.toLowerCase()}). Reason:{" "}
                      {r.amendedBy.reason}
                    </p>
                  )}
                </>
              ),
              actions: (
                <div className="flex flex-col items-start gap-1">
                  {r.status === "SUBMITTED"
                    ? !r.amendedBy && <AmendPmfForm pmfId={r.id} version={r.version} patient={r.patient} />
                    : !r.missing.length && <SubmitPmfForm pmfId={r.id} version={r.version} patient={r.patient} />}
                  <span className="flex gap-3">
                    <Link
                      href={`/reports/pmf/${r.id}`}
                      className="inline-flex min-h-11 items-center text-brand-700 underline"
                      aria-label={`View the form of ${r.patient}, ${r.treatmentDate}`}
                    >
                      View
                    </Link>
                    <Link
                      href={`/api/reports/pmf/${r.id}/pdf`}
                      className="inline-flex min-h-11 items-center text-brand-700 underline"
                      prefetch={false}
                      aria-label={`PDF of the form of ${r.patient}, ${r.treatmentDate}`}
                    >
                      PDF
                    </Link>
                  </span>
                </div>
              ),
            },
          }))}
        />
      </section>
    </>
  );
}
