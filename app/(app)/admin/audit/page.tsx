import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { auditScopeFor, listAuditEvents } from "@/lib/audit/data";
import { latestAnchor } from "@/lib/audit/anchors";
import { auditFilterSchema } from "@/lib/audit/schema";
import { PageHeader } from "@/components/ui/page-header";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { formatDateTime } from "@/lib/time/format";

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
  const next = nextBefore ? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v) as [string, string][]), before: nextBefore })}` : null;
  return (
    <>
      <PageHeader title="Audit log">
        <VerifyChainButton />
      </PageHeader>
      <form method="get" className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-7" aria-label="Filter audit log">
        <label className="flex flex-col text-sm font-medium">User email<input name="actor" defaultValue={filter.actor} className={input} /></label>
        <label className="flex flex-col text-sm font-medium">Action<input name="action" defaultValue={filter.action} placeholder="e.g. auth." className={input} /></label>
        <label className="flex flex-col text-sm font-medium">Record type<input name="entity" defaultValue={filter.entity} placeholder="e.g. User" className={input} /></label>
        <label className="flex flex-col text-sm font-medium">Record id<input name="entityId" defaultValue={filter.entityId} className={input} /></label>
        <label className="flex flex-col text-sm font-medium">Patient id<input name="patientId" defaultValue={filter.patientId} className={input} /></label>
        <label className="flex flex-col text-sm font-medium">From (UTC)<input type="date" name="from" defaultValue={filter.from} className={input} /></label>
        <label className="flex flex-col text-sm font-medium">To (UTC)<input type="date" name="to" defaultValue={filter.to} className={input} /></label>
        <div className="col-span-full flex gap-2">
          <button className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white">Filter</button>
          <Link href="/admin/audit" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-4">Clear</Link>
          <a href={`/api/admin/audit/export?${new URLSearchParams(Object.entries(filter).filter(([k, v]) => v && k !== "before") as [string, string][])}`}
            className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-4">Export CSV</a>
          <a href="/api/admin/audit/anchor" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-4">Download signed anchor</a>
        </div>
      </form>
      <p className="mb-4 text-sm text-slate-600">
        {anchor
          ? <>Latest anchor {anchor.id.toString()} ({anchor.reason}, {fmt.format(anchor.anchoredAt)}) names row #{anchor.auditId.toString()}. </>
          : <>No anchor yet. </>}
        Anchors record the newest row outside the audit table, every hour and at each export; keep downloaded anchors
        outside the database and check them with <code>npm run audit:verify -- &lt;file&gt;</code>.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-2">#</th><th scope="col" className="p-2">When (UTC)</th><th scope="col" className="p-2">Who</th>
              <th scope="col" className="p-2">Action</th><th scope="col" className="p-2">Record</th><th scope="col" className="p-2">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-200 align-top">
                <td className="p-2 tabular-nums">{r.id}</td>
                <td className="whitespace-nowrap p-2">{fmt.format(new Date(r.at))}</td>
                <td className="p-2">{r.actorEmail ?? "system"}{r.actorRole && <span className="text-slate-600"> ({r.actorRole.toLowerCase()})</span>}</td>
                <td className="p-2 font-medium">{r.action}{r.reason && <div className="font-normal text-slate-600">{r.reason}</div>}</td>
                <td className="p-2">{r.entityType}{r.entityId && <div className="break-all text-slate-600">{r.entityId}</div>}</td>
                <td className="max-w-md p-2">
                  {r.before != null && <pre className="whitespace-pre-wrap break-all text-xs text-slate-600">before: {JSON.stringify(r.before)}</pre>}
                  {r.after != null && <pre className="whitespace-pre-wrap break-all text-xs">after: {JSON.stringify(r.after)}</pre>}
                </td>
              </tr>
            ))}
            {!rows.length && <tr><td colSpan={6} className="p-4 text-slate-600">No audit events match these filters.</td></tr>}
          </tbody>
        </table>
      </div>
      {next && <Link href={next} className="mt-4 inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4">Older events</Link>}
    </>
  );
}
