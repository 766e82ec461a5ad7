// Controlled-substance stock: lots, one row per 28 mg device, and the chronological allocation of
// devices to the seeded administrations (and one witnessed waste).
import type { Clinic } from "./clinic";
import { newId, type Rows } from "./rows";
import { dateOnly } from "./time";

type DeviceRow = Rows["devices"][number];
export type Lot = { id: string; lotNumber: string; devices: DeviceRow[] };

const KIT = { "50458-028-02": "56 mg kit (2 devices)", "50458-028-03": "84 mg kit (3 devices)" } as const;

export function planLot(
  rows: Rows,
  l: { siteId: string; ndc: keyof typeof KIT; lotNumber: string; expiresOn: string; receivedAt: string; supplier: string; receivedById: string; count: number },
): Lot {
  const id = newId();
  const receivedAt = new Date(l.receivedAt);
  rows.lots.push({
    id,
    siteId: l.siteId,
    ndc: l.ndc,
    kitDescription: KIT[l.ndc],
    lotNumber: l.lotNumber,
    expiresOn: dateOnly(l.expiresOn),
    receivedAt,
    supplier: l.supplier,
    receivedById: l.receivedById,
    deviceCount: l.count,
    createdAt: receivedAt,
  });
  const devices = Array.from(
    { length: l.count },
    (_, i): DeviceRow => ({ id: newId(), lotId: id, serial: `${l.lotNumber}-${String(i + 1).padStart(3, "0")}`, status: "ON_HAND" }),
  );
  rows.devices.push(...devices);
  return { id, lotNumber: l.lotNumber, devices };
}

/**
 * The demo lots. `outAUse` is the number of devices the OUT-A sessions use: lot 24A118 holds at least
 * 60, and always enough for them plus the wasted one plus 12 left on hand (rounded up to whole 3-device kits).
 */
export function planLots(rows: Rows, clinic: Clinic, outAUse: number) {
  const common = { supplier: "Cardinal Specialty Distribution", receivedById: clinic.staff.adam.id };
  const mainCount = Math.max(60, Math.ceil((outAUse + 1 + 12) / 3) * 3);
  const outA = planLot(rows, {
    ...common,
    siteId: clinic.outA.id,
    ndc: "50458-028-03",
    lotNumber: "24A118",
    expiresOn: "2027-06-30",
    receivedAt: "2025-12-01T14:00:00Z",
    count: mainCount,
  });
  planLot(rows, {
    ...common,
    siteId: clinic.outA.id,
    ndc: "50458-028-02",
    lotNumber: "23K042",
    expiresOn: "2026-10-31",
    receivedAt: "2025-11-03T15:00:00Z",
    count: 4,
  });
  const inB = planLot(rows, {
    siteId: clinic.inB.id,
    ndc: "50458-028-03",
    lotNumber: "25C007",
    expiresOn: "2027-12-31",
    receivedAt: "2026-10-01T15:00:00Z",
    supplier: "Lakeside Hospital Inpatient Pharmacy",
    receivedById: clinic.staff.adam.id,
    count: 12,
  });
  return { outA, inB };
}

/** Something that consumes one device at an instant: an administration or a waste record. */
export type DeviceUse = { at: Date; status: "ADMINISTERED" | "WASTED"; assign: (deviceId: string) => void };

/** Hands out the lot's devices in serial order to the uses in time order, so serials follow the calendar. */
export function allocateDevices(lot: Lot, uses: DeviceUse[]) {
  const sorted = [...uses].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (sorted.length > lot.devices.length) throw new Error(`Lot ${lot.lotNumber} has ${lot.devices.length} devices, the seed uses ${sorted.length}`);
  sorted.forEach((use, i) => {
    lot.devices[i].status = use.status;
    use.assign(lot.devices[i].id as string);
  });
}
