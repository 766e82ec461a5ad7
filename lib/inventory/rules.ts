// R43–R44: controlled-substance accountability, as pure rules. Every device ends administered (linked
// to a session), wasted (witnessed) or returned — "given to the patient" does not exist.
import type { Finding } from "@/lib/rems/rule-result";
import { addDays, startOfDay } from "@/lib/time/days";

/** The SPRAVATO kits (REMS.md §2.2): how many 28 mg devices each holds. */
export const KITS = {
  "50458-028-02": { label: "56 mg kit (2 devices)", devices: 2 },
  "50458-028-03": { label: "84 mg kit (3 devices)", devices: 3 },
} as const;
export type Ndc = keyof typeof KITS;
export const NDCS = Object.keys(KITS) as [Ndc, ...Ndc[]];

/**
 * A lot is usable through its expiry date and expired from the next site-local day on — the same
 * boundary R20 applies when a device is administered (lib/sessions/device-rules.ts).
 */
export const lotExpired = (expiresOn: string, today: string): boolean => today > expiresOn;

/** R44: an already-expired lot is not taken into stock. */
export function receivingChecks(lot: { lotNumber: string; expiresOn: string }, today: string): Finding[] {
  return lotExpired(lot.expiresOn, today)
    ? [
        {
          code: "R44_LOT_EXPIRED",
          rule: "R44",
          strength: "HARD",
          field: "expiresOn",
          message: `Lot ${lot.lotNumber} expired on ${lot.expiresOn}: an expired lot cannot be received.`,
        },
      ]
    : [];
}

/** Serial numbers of a received lot: 24A118-001, 24A118-002, … (at least three digits). */
export function deviceSerials(lotNumber: string, count: number): string[] {
  const width = Math.max(3, String(count).length);
  return Array.from({ length: count }, (_, i) => `${lotNumber}-${String(i + 1).padStart(width, "0")}`);
}

export type DeviceStatus = "ON_HAND" | "ADMINISTERED" | "WASTED" | "RETURNED";
export type Disposal = "WASTE" | "RETURN";

/**
 * R43: a device leaves the stock once, and only from on hand. Waste and return are allowed for an
 * expired lot — that is how expired stock leaves; only administration refuses it (R20).
 */
export function disposalChecks(device: { serial: string; status: DeviceStatus }): Finding[] {
  if (device.status === "ON_HAND") return [];
  return [
    {
      code: "R43_NOT_ON_HAND",
      rule: "R43",
      strength: "HARD",
      field: "deviceId",
      message: `Device ${device.serial} is no longer on hand (${device.status.toLowerCase()}).`,
    },
  ];
}

export type WitnessFacts = { id: string; active: boolean; siteIds: string[] } | null;

/** R43: a waste is witnessed by a second person: another active user of the same site. */
export function witnessChecks(actorId: string, siteId: string, witness: WitnessFacts): Finding[] {
  const finding = (code: string, message: string): Finding[] => [{ code, rule: "R43", strength: "HARD", field: "witnessId", message }];
  if (!witness) return finding("R43_WITNESS_UNKNOWN", "Choose the witness from the list.");
  if (witness.id === actorId) return finding("R43_WITNESS_SELF", "The witness must be a second person, not you.");
  if (!witness.active) return finding("R43_WITNESS_DISABLED", "This witness's account is disabled: choose an active colleague.");
  if (!witness.siteIds.includes(siteId)) return finding("R43_WITNESS_OTHER_SITE", "The witness must work at this site.");
  return [];
}

export type LotCounts = {
  received: number; // devices received (the lot's deviceCount)
  deviceRows: number; // device rows the lot has
  administered: number; // live administrations (not entered in error)
  wasted: number;
  returned: number;
  onHand: number; // devices whose status is ON_HAND
  lastCount: { countedDevices: number; expectedDevices: number } | null;
};

export type Reconciliation = { expected: number; discrepancies: Finding[] };

/**
 * R44 reconciliation of one lot: received − administered − wasted − returned is what should be on
 * hand. A discrepancy is flagged when the device records disagree with that, or when the last
 * physical count differed from what was expected when it was taken.
 */
export function lotReconciliation(c: LotCounts): Reconciliation {
  const expected = c.received - c.administered - c.wasted - c.returned;
  const d: Finding[] = [];
  const f = (code: string, message: string) => d.push({ code, rule: "R44", strength: "SOFT", message });
  if (c.deviceRows !== c.received) f("R44_DEVICE_ROWS", `${c.received} devices were received but ${c.deviceRows} are recorded.`);
  if (expected !== c.onHand) f("R44_ON_HAND_MISMATCH", `${expected} devices should be on hand but the records show ${c.onHand}.`);
  if (expected < 0) f("R44_NEGATIVE", `More devices left this lot than were received (${-expected} too many).`);
  if (c.lastCount && c.lastCount.countedDevices !== c.lastCount.expectedDevices)
    f(
      "R44_COUNT_MISMATCH",
      `The last physical count found ${c.lastCount.countedDevices} devices; ${c.lastCount.expectedDevices} were expected (${signed(c.lastCount.countedDevices - c.lastCount.expectedDevices)}).`,
    );
  return { expected, discrepancies: d };
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The difference a physical count shows against the expected stock (negative: devices missing). */
export function countDifference(countedDevices: number, expectedDevices: number): { difference: number; matches: boolean } {
  return { difference: countedDevices - expectedDevices, matches: countedDevices === expectedDevices };
}

/** The instants whose site-local date lies in [from, to]: from local midnight of `from` to local midnight after `to`. */
export function localDaysWindow(from: string, to: string, timeZone: string): { gte: Date; lt: Date } {
  return { gte: startOfDay(from, timeZone), lt: startOfDay(addDays(to, 1), timeZone) };
}
