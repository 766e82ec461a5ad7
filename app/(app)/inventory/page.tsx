import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { siteLots } from "@/lib/inventory/data";
import { siteDay } from "@/lib/time/days";
import { PageHeader } from "@/components/ui/page-header";
import { formatDay, formatInstant } from "@/components/admin/badge";
import { ExpiryBadge, ReconciliationBadge } from "@/components/inventory/reconciliation";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Inventory" };

const input = "min-h-11 rounded-md border border-slate-300 bg-white px-3";
const link = "inline-flex min-h-11 items-center rounded-md px-4 font-medium";

export default async function InventoryPage({ searchParams }: { searchParams: Promise<{ site?: string }> }) {
  const { site: wanted } = await searchParams;
  const user = await authorizePage("inventory.manage", wanted ? { siteId: wanted, entityType: "Site", entityId: wanted } : undefined);
  const site = user.sites.find((s) => s.id === wanted) ?? user.sites[0];
  if (!site)
    return (
      <>
        <PageHeader title="Inventory" />
        <p>You are not assigned to a site.</p>
      </>
    );
  const today = siteDay(new Date(), site.timeZone);
  const lots = await siteLots(site.id, today);
  const usable = lots.filter((l) => !l.expired).reduce((n, l) => n + l.counts.onHand, 0);
  const flagged = lots.filter((l) => l.reconciliation.discrepancies.length).length;
  return (
    <>
      <PageHeader title={`Inventory — ${site.name}`}>
        <Link href={`/inventory/lots/new?site=${site.id}`} className={`${link} bg-brand-700 text-white hover:bg-brand-800`}>
          Receive a lot
        </Link>
        <Link href={`/inventory/dispensing-log?siteId=${site.id}`} className={`${link} border border-slate-300 bg-white`}>
          Dispensing log
        </Link>
      </PageHeader>
      {user.sites.length > 1 && (
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Choose site">
          <label className="flex flex-col font-medium">
            Site
            <select name="site" defaultValue={site.id} className={input}>
              {user.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button className="min-h-11 rounded-md border border-slate-300 bg-white px-4 font-medium">Show</button>
        </form>
      )}
      <p className="mb-4 text-slate-800">
        <strong className="tabular-nums">{usable}</strong> usable devices on hand (lots not expired).{" "}
        {flagged ? (
          <strong className="text-red-800">
            {flagged} lot{flagged === 1 ? "" : "s"} with a discrepancy.
          </strong>
        ) : (
          "Every lot reconciles."
        )}
      </p>
      <section aria-label="Lots">
        <DataTable
          label={`Lots at ${site.name}: received − administered − wasted − returned = expected on hand`}
          noun="lots"
          empty="No lots received at this site yet."
          columns={[
            { id: "lot", header: "Lot", rowHeader: true },
            { id: "onHand", header: "On hand", align: "right" },
            { id: "reconciliation", header: "Reconciliation" },
            { id: "expires", header: "Expires", nowrap: true },
            { id: "received", header: "Received", align: "right" },
            { id: "administered", header: "Administered", align: "right" },
            { id: "wasted", header: "Wasted", align: "right" },
            { id: "returned", header: "Returned", align: "right" },
            { id: "expected", header: "Expected", align: "right" },
            { id: "lastCount", header: "Last count" },
            { id: "kit", header: "Kit" },
          ]}
          rows={lots.map((l) => ({
            id: l.id,
            tone: l.reconciliation.discrepancies.length ? ("alert" as const) : undefined,
            cells: {
              lot: (
                <Link href={`/inventory/lots/${l.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                  {l.lotNumber}
                </Link>
              ),
              onHand: <span className="font-semibold">{l.counts.onHand}</span>,
              reconciliation: (
                <>
                  <ReconciliationBadge reconciliation={l.reconciliation} />
                  {l.reconciliation.discrepancies.map((d) => (
                    <div key={d.code} className="text-sm text-red-800">
                      {d.message}
                    </div>
                  ))}
                </>
              ),
              expires: (
                <>
                  {formatDay(l.expiresOn)} <ExpiryBadge expired={l.expired} />
                  {l.expired && l.counts.onHand > 0 && <div className="text-sm text-amber-900">{l.counts.onHand} to waste or return</div>}
                </>
              ),
              received: l.counts.received,
              administered: l.counts.administered,
              wasted: l.counts.wasted,
              returned: l.counts.returned,
              expected: l.reconciliation.expected,
              lastCount:
                l.counts.lastCount && l.lastCountAt ? (
                  <>
                    {l.counts.lastCount.countedDevices} counted<div className="text-slate-600">{formatInstant(l.lastCountAt, site.timeZone)}</div>
                  </>
                ) : (
                  <span className="text-slate-600">None</span>
                ),
              kit: (
                <>
                  {l.kit}
                  <div className="text-slate-600">NDC {l.ndc}</div>
                </>
              ),
            },
          }))}
        />
      </section>
    </>
  );
}
