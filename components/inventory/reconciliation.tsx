import type { LotCounts, Reconciliation } from "@/lib/inventory/rules";
import { StatusBadge } from "@/components/admin/badge";

/** "Reconciled" or "Discrepancy" — the word carries the meaning, the colour only repeats it. */
export function ReconciliationBadge({ reconciliation }: { reconciliation: Reconciliation }) {
  return reconciliation.discrepancies.length ? <StatusBadge tone="red">Discrepancy</StatusBadge> : <StatusBadge tone="green">Reconciled</StatusBadge>;
}

export function ExpiryBadge({ expired }: { expired: boolean }) {
  return expired ? <StatusBadge tone="amber">Expired</StatusBadge> : null;
}

/** received − administered − wasted − returned = expected, beside what the records show on hand. */
export function ReconciliationSummary({ counts, reconciliation }: { counts: LotCounts; reconciliation: Reconciliation }) {
  const items: [string, number][] = [
    ["Received", counts.received],
    ["Administered", counts.administered],
    ["Wasted", counts.wasted],
    ["Returned", counts.returned],
    ["Expected on hand", reconciliation.expected],
    ["On hand (device records)", counts.onHand],
  ];
  return (
    <div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {items.map(([label, value]) => (
          <div key={label} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <ReconciliationBadge reconciliation={reconciliation} />
        {counts.lastCount && (
          <span className="text-slate-700">
            Last physical count: {counts.lastCount.countedDevices} counted, {counts.lastCount.expectedDevices} expected.
          </span>
        )}
        {!counts.lastCount && <span className="text-slate-700">No physical count recorded yet.</span>}
      </div>
      {!!reconciliation.discrepancies.length && (
        <ul className="mt-2 list-disc pl-5 text-red-800">
          {reconciliation.discrepancies.map((d) => (
            <li key={d.code}>{d.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
