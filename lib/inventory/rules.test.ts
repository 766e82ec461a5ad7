import { describe, expect, it } from "vitest";
import {
  countDifference,
  deviceSerials,
  disposalChecks,
  localDaysWindow,
  lotExpired,
  lotReconciliation,
  receivingChecks,
  witnessChecks,
  type LotCounts,
} from "./rules";
import { siteDay } from "@/lib/time/days";

const counts = (over: Partial<LotCounts> = {}): LotCounts => ({
  received: 12,
  deviceRows: 12,
  administered: 5,
  wasted: 1,
  returned: 2,
  onHand: 4,
  lastCount: null,
  ...over,
});

describe("lot expiry (R44, same boundary as R20)", () => {
  it("is usable through its expiry date and expired from the next day", () => {
    expect(lotExpired("2026-11-23", "2026-11-23")).toBe(false);
    expect(lotExpired("2026-11-23", "2026-11-24")).toBe(true);
    expect(lotExpired("2026-11-23", "2026-11-22")).toBe(false);
  });
  it("refuses to receive an already-expired lot, at the expiry field", () => {
    expect(receivingChecks({ lotNumber: "23K042", expiresOn: "2026-10-31" }, "2026-11-23")).toEqual([
      expect.objectContaining({ code: "R44_LOT_EXPIRED", field: "expiresOn", strength: "HARD" }),
    ]);
    expect(receivingChecks({ lotNumber: "24A118", expiresOn: "2026-11-23" }, "2026-11-23")).toEqual([]);
  });
});

describe("device serials", () => {
  it("numbers the devices after the lot with three digits", () => {
    expect(deviceSerials("24A118", 3)).toEqual(["24A118-001", "24A118-002", "24A118-003"]);
  });
  it("widens the number when the lot has a thousand devices or more, so serials stay unique and sorted", () => {
    const s = deviceSerials("X", 1000);
    expect(s[0]).toBe("X-0001");
    expect(s.at(-1)).toBe("X-1000");
    expect(new Set(s).size).toBe(1000);
  });
});

describe("disposal of a device (R43)", () => {
  it("lets an on-hand device be wasted or returned", () => {
    expect(disposalChecks({ serial: "A-001", status: "ON_HAND" })).toEqual([]);
  });
  it.each(["ADMINISTERED", "WASTED", "RETURNED"] as const)("refuses a device that is already %s", (status) => {
    expect(disposalChecks({ serial: "A-001", status })).toEqual([expect.objectContaining({ code: "R43_NOT_ON_HAND", field: "deviceId" })]);
  });
});

describe("the waste witness (R43)", () => {
  const ok = { id: "w", active: true, siteIds: ["s1"] };
  it("accepts another active user of the same site", () => {
    expect(witnessChecks("me", "s1", ok)).toEqual([]);
  });
  it("refuses yourself as your own witness", () => {
    expect(witnessChecks("me", "s1", { ...ok, id: "me" })).toEqual([expect.objectContaining({ code: "R43_WITNESS_SELF", field: "witnessId" })]);
  });
  it("refuses a disabled account, another site's user and an unknown user", () => {
    expect(witnessChecks("me", "s1", { ...ok, active: false })[0].code).toBe("R43_WITNESS_DISABLED");
    expect(witnessChecks("me", "s1", { ...ok, siteIds: ["s2"] })[0].code).toBe("R43_WITNESS_OTHER_SITE");
    expect(witnessChecks("me", "s1", null)[0].code).toBe("R43_WITNESS_UNKNOWN");
  });
});

describe("lot reconciliation (R44)", () => {
  it("expects received − administered − wasted − returned on hand, and flags nothing when the records agree", () => {
    expect(lotReconciliation(counts())).toEqual({ expected: 4, discrepancies: [] });
  });
  it("flags on-hand records that disagree with the expected stock", () => {
    const r = lotReconciliation(counts({ onHand: 5 }));
    expect(r.expected).toBe(4);
    expect(r.discrepancies.map((d) => d.code)).toEqual(["R44_ON_HAND_MISMATCH"]);
  });
  it("flags a last physical count that differed from what was expected, with the difference", () => {
    const r = lotReconciliation(counts({ lastCount: { countedDevices: 3, expectedDevices: 4 } }));
    expect(r.discrepancies).toEqual([expect.objectContaining({ code: "R44_COUNT_MISMATCH", message: expect.stringContaining("(-1)") })]);
    expect(lotReconciliation(counts({ lastCount: { countedDevices: 4, expectedDevices: 4 } })).discrepancies).toEqual([]);
  });
  it("flags more devices leaving than were received, and device rows that differ from the receipt", () => {
    const r = lotReconciliation(counts({ received: 6, deviceRows: 12, administered: 8, wasted: 0, returned: 0, onHand: 0 }));
    expect(r.expected).toBe(-2);
    expect(r.discrepancies.map((d) => d.code)).toEqual(["R44_DEVICE_ROWS", "R44_ON_HAND_MISMATCH", "R44_NEGATIVE"]);
  });
  it("reports the difference of a physical count", () => {
    expect(countDifference(9, 10)).toEqual({ difference: -1, matches: false });
    expect(countDifference(10, 10)).toEqual({ difference: 0, matches: true });
  });
});

describe("site-local day window of the dispensing log", () => {
  // 1 Nov 2026 is the fall-back day in New York (25 hours long).
  it.each(["Pacific/Kiritimati", "Pacific/Pago_Pago", "America/New_York", "Asia/Kathmandu"])("holds exactly the instants of the local days in %s", (tz) => {
    const w = localDaysWindow("2026-11-01", "2026-11-02", tz);
    for (let t = w.gte.getTime() - 2 * 86_400_000; t < w.lt.getTime() + 2 * 86_400_000; t += 15 * 60_000) {
      const d = siteDay(new Date(t), tz);
      expect(t >= w.gte.getTime() && t < w.lt.getTime(), new Date(t).toISOString()).toBe(d >= "2026-11-01" && d <= "2026-11-02");
    }
  });
});
