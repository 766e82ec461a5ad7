import { describe, expect, it } from "vitest";
import { billingSummary, type BillableSession, type BillingCodeRow } from "./rules";

// The starting table of the migration (20261205003025_billing_codes).
const TABLE: BillingCodeRow[] = [
  {
    code: "G2082",
    description: "up to 56 mg",
    kind: "SERVICE",
    payerTypes: ["MEDICARE"],
    minDoseMg: null,
    maxDoseMg: 56,
    unitMg: null,
    effectiveFrom: "2019-01-01",
    effectiveTo: null,
    notWith: ["99415", "99416", "99417", "G2212"],
  },
  {
    code: "G2083",
    description: "over 56 mg",
    kind: "SERVICE",
    payerTypes: ["MEDICARE"],
    minDoseMg: 57,
    maxDoseMg: null,
    unitMg: null,
    effectiveFrom: "2019-01-01",
    effectiveTo: null,
    notWith: ["99415", "99416", "99417", "G2212"],
  },
  {
    code: "S0013",
    description: "esketamine 1 mg",
    kind: "DRUG",
    payerTypes: ["MEDICAID", "COMMERCIAL", "OTHER"],
    minDoseMg: null,
    maxDoseMg: null,
    unitMg: 1,
    effectiveFrom: "2019-03-05",
    effectiveTo: "2025-12-31",
    notWith: [],
  },
  {
    code: "J0013",
    description: "esketamine 1 mg",
    kind: "DRUG",
    payerTypes: ["MEDICAID", "COMMERCIAL", "OTHER"],
    minDoseMg: null,
    maxDoseMg: null,
    unitMg: 1,
    effectiveFrom: "2026-01-01",
    effectiveTo: null,
    notWith: [],
  },
];
const session = (over: Partial<BillableSession> = {}): BillableSession => ({
  dateOfService: "2026-03-10",
  doseGivenMg: 56,
  plannedDoseMg: 56,
  payerType: "MEDICARE",
  renderingClinician: "Nora Reyes, RN",
  supervisingClinician: "Dr Paul Osei",
  ...over,
});
const codes = (s: BillableSession) => billingSummary(s, TABLE).lines.map((l) => `${l.code}×${l.units}`);

describe("billing lines by dose and payer", () => {
  it("Medicare bills G2082 at 56 mg and G2083 at 84 mg, one unit each, with the prolonged-service warning", () => {
    expect(codes(session({ doseGivenMg: 56 }))).toEqual(["G2082×1"]);
    expect(codes(session({ doseGivenMg: 84, plannedDoseMg: 84 }))).toEqual(["G2083×1"]);
    expect(codes(session({ doseGivenMg: 28, plannedDoseMg: 28 }))).toEqual(["G2082×1"]);
    expect(billingSummary(session({ doseGivenMg: 84, plannedDoseMg: 84 }), TABLE).flags).toEqual([
      "G2083 is not billed together with 99415, 99416, 99417, G2212 on the same claim.",
    ]);
  });

  it("other payers bill the drug in 1 mg units: 56 and 84 units", () => {
    expect(codes(session({ payerType: "COMMERCIAL", doseGivenMg: 56 }))).toEqual(["J0013×56"]);
    expect(codes(session({ payerType: "MEDICAID", doseGivenMg: 84, plannedDoseMg: 84 }))).toEqual(["J0013×84"]);
  });

  it("the code in force is the one of the date of service: S0013 on 2025-12-31, J0013 from 2026-01-01", () => {
    expect(codes(session({ payerType: "COMMERCIAL", dateOfService: "2025-12-31" }))).toEqual(["S0013×56"]);
    expect(codes(session({ payerType: "COMMERCIAL", dateOfService: "2026-01-01" }))).toEqual(["J0013×56"]);
    expect(codes(session({ payerType: "COMMERCIAL", dateOfService: "2019-03-04" }))).toEqual([]);
  });

  it("bills the dose given, not the dose planned, and says so", () => {
    const s = billingSummary(session({ doseGivenMg: 56, plannedDoseMg: 84 }), TABLE);
    expect(s.lines.map((l) => [l.code, l.doseMg])).toEqual([["G2082", 56]]);
    expect(s.flags).toContain("Billed for the 56 mg given, not the 84 mg planned.");
  });

  it("flags what cannot be billed together when the table puts two such codes on one session", () => {
    const clashing: BillingCodeRow = { ...TABLE[0], code: "99415", description: "prolonged service", notWith: ["G2082"] };
    const s = billingSummary(session(), [...TABLE, clashing]);
    expect(s.lines.map((l) => l.code)).toEqual(["G2082", "99415"]);
    expect(s.flags).toEqual(["G2082 must not be billed with 99415 on the same claim.", "99415 must not be billed with G2082 on the same claim."]);
  });

  it("no line without a device given, without a payer type, or for a self-pay patient (no code applies), each with the reason", () => {
    expect(billingSummary(session({ doseGivenMg: 0 }), TABLE)).toEqual({ lines: [], flags: ["No device was given: nothing to bill for this session."] });
    expect(billingSummary(session({ payerType: null }), TABLE).flags[0]).toMatch(/payer type is not recorded/);
    expect(billingSummary(session({ payerType: "SELF_PAY" }), TABLE)).toEqual({
      lines: [],
      flags: ["No billing code in the table applies to a self-pay patient given 56 mg on 2026-03-10."],
    });
  });

  it("keeps the rendering and supervising clinicians on every line and flags a missing prescriber", () => {
    const s = billingSummary(session({ supervisingClinician: null }), TABLE);
    expect(s.lines[0]).toMatchObject({ renderingClinician: "Nora Reyes, RN", supervisingClinician: null, dateOfService: "2026-03-10" });
    expect(s.flags).toContain("No prescriber on site is recorded for this session.");
  });
});
