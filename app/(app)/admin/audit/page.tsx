import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { auditScopeFor, listAuditEvents } from "@/lib/audit/data";
import { latestAnchor } from "@/lib/audit/anchors";
import { auditFilterSchema } from "@/lib/audit/schema";
import { PageHeader } from "@/components/ui/page-header";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { formatDateTime, zoneAbbreviation } from "@/lib/time/format";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Audit log" };

const input = "min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2";

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const me = await authorizePage("audit.read");
  // Times in the site's zone, 24-hour, the zone named (an administrator of several sites sees the first site's zone).
  const tz = me.sites[0]?.timeZone ?? "UTC";
  const fmt = { format: (d: Date) => formatDateTime(d, tz, { zone: true, seconds: true }) };
  const filter = auditFilterSchema.parse(await searchParams);
  // The administrator's sites, and the sign-ins and account changes of the people who work there.
  const [{ rows, nextBefore }, anchor] = await Promise.all([listAuditEvents(filter, await auditScopeFor(me)), latestAnchor()]);
  const next = nextBefore
    ? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v) as [string, string][]), before: nextBefore })}`
    : null;
  return (
    <>
      <PageHeader title="Audit log">
        <VerifyChainButton />
      </PageHeader>
      <form method="get" className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-7" aria-label="Filter audit log">
        <label className="flex flex-col text-sm font-medium">
          User email
          <input name="actor" defaultValue={filter.actor} className={input} />
        </label>
        <label className="flex flex-col text-sm font-medium">
          Action
          <input name="action" defaultValue={filter.action} placeholder="e.g. auth." className={input} />
        </label>
        <label className="flex flex-col text-sm font-medium">
          Record type
          <input name="entity" defaultValue={filter.entity} placeholder="e.g. User" className={input} />
        </label>
        <label className="flex flex-col text-sm font-medium">
          Record id
          <input name="entityId" defaultValue={filter.entityId} className={input} />
        </label>
        <label className="flex flex-col text-sm font-medium">
          Patient id
          <input name="patientId" defaultValue={filter.patientId} className={input} />
        </label>
        <label className="flex flex-col text-sm font-medium">
          From (UTC)
          <input type="date" name="from" defaultValue={filter.from} className={input} />
        </label>
        <label className="flex flex-col text-sm font-medium">
          To (UTC)
          <input type="date" name="to" defaultValue={filter.to} className={input} />
        </label>
        <div className="col-span-full flex gap-2">
          <button className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white">Filter</button>
          <Link href="/admin/audit" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-4">
            Clear
          </Link>
          <a
            href={`/api/admin/audit/export?${new URLSearchParams(Object.entries(filter).filter(([k, v]) => v && k !== "before") as [string, string][])}`}
            className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-4"
          >
            Export CSV
          </a>
          <a href="/api/admin/audit/anchor" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-4">
            Download signed anchor
          </a>
        </div>
      </form>
      <p className="mb-4 text-sm text-slate-600">
        {anchor ? (
          <>
            Latest anchor {anchor.id.toString()} ({anchor.reason}, {fmt.format(anchor.anchoredAt)}) names row #{anchor.auditId.toString()}.{" "}
          </>
        ) : (
          <>No anchor yet. </>
        )}
        Anchors record the newest row outside the audit table, every hour and at each export; keep downloaded anchors outside the database and check them with{" "}
        <code>npm run audit:verify -- &lt;file&gt;</code>.
      </p>
      <DataTable
        label="Audit events"
        empty="No audit events match these filters."
        columns={[
          { id: "id", header: "#", align: "right" },
          { id: "at", header: `When (${zoneAbbreviation(new Date(), tz)})`, nowrap: true },
          { id: "who", header: "Who" },
          { id: "action", header: "Action", rowHeader: true },
          { id: "record", header: "Record" },
          { id: "change", header: "Change" },
        ]}
        rows={rows.map((r) => ({
          id: String(r.id),
          cells: {
            id: r.id,
            at: fmt.format(new Date(r.at)),
            who: (
              <>
                {r.actorEmail ?? "system"}
                {r.actorRole && <span className="text-slate-600"> ({r.actorRole.toLowerCase()})</span>}
              </>
            ),
            action: (
              <>
                <span className="font-medium">{r.action}</span>
                {r.reason && <div className="font-normal text-slate-600">{r.reason}</div>}
              </>
            ),
            record: (
              <>
                {r.entityType}
                {r.entityId && <div className="break-all text-slate-600">{r.entityId}</div>}
              </>
            ),
            change: (
              <div className="max-w-md">
                {r.before != null && <pre className="whitespace-pre-wrap break-all text-xs text-slate-600">before: {JSON.stringify(r.before)}</pre>}
                {r.after != null && <pre className="whitespace-pre-wrap break-all text-xs">after: {JSON.stringify(r.after)}</pre>}
              </div>
            ),
          },
        }))}
      />
      {next && (
        <Link href={next} className="mt-4 inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4">
          Older events
        </Link>
      )}
    </>
  );
}
