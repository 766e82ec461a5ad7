import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { authorizeRecordPage } from "@/lib/auth/authorize-record";
import { lotDetail, siteStaff, type DeviceRowDto } from "@/lib/inventory/data";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { formatDay, formatInstant, StatusBadge } from "@/components/admin/badge";
import { ExpiryBadge, ReconciliationSummary } from "@/components/inventory/reconciliation";
import { WasteDeviceForm } from "@/components/inventory/waste-device-form";
import { ReturnDeviceForm } from "@/components/inventory/return-device-form";
import { PhysicalCountForm } from "@/components/inventory/physical-count-form";
import { DataTable } from "@/components/ui/data-table";
import { listParamsSchema } from "@/lib/tables/list-query";

export const metadata: Metadata = { title: "Lot" };

const STATUS = { ON_HAND: ["On hand", "green"], ADMINISTERED: ["Administered", "slate"], WASTED: ["Wasted", "red"], RETURNED: ["Returned", "amber"] } as const;
const ROLE = { NURSE: "nurse", PSYCHIATRIST: "psychiatrist", ADMIN: "administrator" } as Record<string, string>;

function Fate({ d, tz }: { d: DeviceRowDto; tz: string }) {
  if (d.administered)
    return (
      <>
        {formatInstant(d.administered.at, tz)} · {d.administered.patient} (MRN {d.administered.mrn}) · by {d.administered.nurse}
      </>
    );
  if (d.wasted)
    return (
      <>
        {formatInstant(d.wasted.at, tz)} · {d.wasted.reason} · by {d.wasted.by}, witnessed by {d.wasted.witness}
      </>
    );
  if (d.returned)
    return (
      <>
        {formatInstant(d.returned.at, tz)} · to {d.returned.to} · {d.returned.reason} · by {d.returned.by}
      </>
    );
  return null;
}

export default async function LotPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ received?: string; page?: string }>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { received } = query;
  const user = await authorizeRecordPage("inventory.manage", "InventoryLot", id);
  const lot = await lotDetail(id, listParamsSchema(["serial"], { key: "serial", dir: "asc" }).parse(query).page);
  if (!lot) notFound();
  const tz = lot.timeZone;
  const onHand = lot.onHand.map((d) => ({ id: d.id, label: d.serial }));
  const witnesses = (await siteStaff(lot.siteId, user.id)).map((p) => ({ id: p.id, label: `${p.name} (${ROLE[p.role] ?? p.role})` }));
  return (
    <>
      <p className="mb-2">
        <Link href={`/inventory?site=${lot.siteId}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← Inventory of {lot.siteName}
        </Link>
      </p>
      <PageHeader title={`Lot ${lot.lotNumber}`}>
        <ExpiryBadge expired={lot.expired} />
      </PageHeader>
      {received && (
        <div className="mb-4">
          <Alert tone="success">
            Lot {lot.lotNumber} received: {received} devices on hand.
          </Alert>
        </div>
      )}
      {lot.expired && (
        <div className="mb-4">
          <Alert tone="warning">
            This lot expired on {formatDay(lot.expiresOn)}: its devices cannot be administered.
            {onHand.length ? ` Waste or return the ${onHand.length} device${onHand.length === 1 ? "" : "s"} still on hand.` : ""}
          </Alert>
        </div>
      )}
      <section aria-labelledby="lot-facts" className="mb-6 max-w-5xl rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="lot-facts" className="mb-3 text-lg font-semibold">
          Receipt
        </h2>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">Kit</dt>
          <dd>
            {lot.kit} · NDC {lot.ndc}
          </dd>
          <dt className="text-slate-600">Expires</dt>
          <dd>{formatDay(lot.expiresOn)}</dd>
          <dt className="text-slate-600">Received</dt>
          <dd>
            {formatInstant(lot.receivedAt, tz)} by {lot.receivedBy}
          </dd>
          <dt className="text-slate-600">Supplier</dt>
          <dd>{lot.supplier}</dd>
        </dl>
      </section>
      <section aria-labelledby="reconciliation" className="mb-6 max-w-5xl rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="reconciliation" className="mb-3 text-lg font-semibold">
          Reconciliation
        </h2>
        <ReconciliationSummary counts={lot.counts} reconciliation={lot.reconciliation} />
      </section>
      <section aria-labelledby="count" className="mb-6 max-w-5xl rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="count" className="mb-3 text-lg font-semibold">
          Physical count
        </h2>
        <PhysicalCountForm lotId={lot.id} />
        {!!lot.physicalCounts.length && (
          <table className="mt-4 w-full text-left">
            <caption className="sr-only">Physical counts of lot {lot.lotNumber}</caption>
            <thead className="bg-slate-100 text-sm">
              <tr>
                <th scope="col" className="p-2">
                  When
                </th>
                <th scope="col" className="p-2">
                  By
                </th>
                <th scope="col" className="p-2 text-right">
                  Counted
                </th>
                <th scope="col" className="p-2 text-right">
                  Expected
                </th>
                <th scope="col" className="p-2">
                  Result
                </th>
                <th scope="col" className="p-2">
                  Note
                </th>
              </tr>
            </thead>
            <tbody>
              {lot.physicalCounts.map((c) => (
                <tr key={c.id} className="border-t border-slate-200">
                  <td className="p-2">{formatInstant(c.countedAt, tz)}</td>
                  <td className="p-2">{c.countedBy}</td>
                  <td className="p-2 text-right tabular-nums">{c.countedDevices}</td>
                  <td className="p-2 text-right tabular-nums">{c.expectedDevices}</td>
                  <td className="p-2">
                    {c.difference === 0 ? (
                      <StatusBadge tone="green">Matches</StatusBadge>
                    ) : (
                      <StatusBadge tone="red">{`Mismatch ${c.difference > 0 ? "+" : ""}${c.difference}`}</StatusBadge>
                    )}
                  </td>
                  <td className="p-2">{c.note ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {onHand.length > 0 && (
        <>
          <section aria-labelledby="waste" className="mb-6 max-w-5xl rounded-lg border border-slate-200 bg-white p-6">
            <h2 id="waste" className="mb-1 text-lg font-semibold">
              Waste a device
            </h2>
            <p className="mb-3 text-slate-700">A wasted device is destroyed in front of a witness. Nothing is ever handed to a patient.</p>
            <WasteDeviceForm lotId={lot.id} devices={onHand} witnesses={witnesses} />
          </section>
          <section aria-labelledby="return" className="mb-6 max-w-5xl rounded-lg border border-slate-200 bg-white p-6">
            <h2 id="return" className="mb-3 text-lg font-semibold">
              Return a device
            </h2>
            <ReturnDeviceForm lotId={lot.id} devices={onHand} supplier={lot.supplier} />
          </section>
        </>
      )}
      <section aria-labelledby="devices" className="max-w-5xl rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="devices" className="mb-1 text-lg font-semibold">
          Devices ({lot.devicePage.total})
        </h2>
        <p className="mb-3 text-slate-700">{onHand.length} on hand, listed first; then every other device and where it went.</p>
        <DataTable
          label={`Devices of lot ${lot.lotNumber}`}
          noun="devices"
          empty="No devices."
          page={lot.devicePage}
          columns={[
            { id: "serial", header: "Serial", rowHeader: true, nowrap: true },
            { id: "status", header: "Status" },
            { id: "details", header: "Details" },
          ]}
          rows={lot.devices.map((d) => ({
            id: d.id,
            cells: {
              serial: <span className="tabular-nums">{d.serial}</span>,
              status: <StatusBadge tone={STATUS[d.status][1]}>{STATUS[d.status][0]}</StatusBadge>,
              details: (
                <span className="text-sm">
                  <Fate d={d} tz={tz} />
                </span>
              ),
            },
          }))}
        />
      </section>
    </>
  );
}
