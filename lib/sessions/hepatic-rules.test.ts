import { describe, expect, it } from "vitest";
import { addMinutes } from "@/lib/rems/rule-result";
import { deviceReadiness } from "./device-rules";
import { dischargeReadiness } from "./discharge-rules";
import type { SessionFacts } from "./facts";
import { hepaticDischargeNotice, hepaticImpairmentGate } from "./hepatic-rules";
import { goodAttestation, readySession, vital } from "./testing/session-fixture";

const T0 = new Date("2026-11-23T14:00:00Z");
const at = (min: number) => addMinutes(T0, min);
const lot = { lotNumber: "24A118", lotExpiresOn: "2027-06-30" };
const beforeDosing = (over: Partial<SessionFacts> = {}) =>
  readySession(T0, { status: "CHECKED_IN", devices: [], sedation: [], dissociation: [], vitals: [vital(at(-10), "PRE_DOSE", 128, 80, 98)], ...over });
const withHepatic = (f: SessionFacts, level: "NONE" | "MODERATE" | "SEVERE") => {
  f.patient.hepaticImpairment = level;
  return f;
};

describe("R48 hepatic impairment", () => {
  it("severe: the first device waits for the prescriber's benefit/risk decision", () => {
    const d = deviceReadiness(withHepatic(beforeDosing(), "SEVERE"), { administeredAt: T0, ...lot }, at(1));
    expect(d.unmet.map((u) => [u.code, u.strength])).toEqual([["R48_GATE", "GATE"]]);
  });

  it("severe: proceed lifts the GATE, delay keeps dosing blocked", () => {
    const proceed = withHepatic(beforeDosing({ decisions: [{ rule: "R48", decision: "PROCEED", decidedAt: at(-5) }] }), "SEVERE");
    expect(deviceReadiness(proceed, { administeredAt: T0, ...lot }, at(1)).ok).toBe(true);
    const delay = withHepatic(beforeDosing({ decisions: [{ rule: "R48", decision: "DELAY", decidedAt: at(-5) }] }), "SEVERE");
    expect(deviceReadiness(delay, { administeredAt: T0, ...lot }, at(1)).unmet.map((u) => u.code)).toEqual(["R48_DELAYED"]);
  });

  it("none, moderate or not recorded: no GATE before the first device", () => {
    for (const level of ["NONE", "MODERATE", undefined] as const) expect(hepaticImpairmentGate(level, [])).toBeNull();
    expect(deviceReadiness(withHepatic(beforeDosing(), "MODERATE"), { administeredAt: T0, ...lot }, at(1)).ok).toBe(true);
  });

  it("moderate: a SOFT notice on the discharge assessment that blocks nothing", () => {
    const d = dischargeReadiness(withHepatic(readySession(T0), "MODERATE"), at(120), goodAttestation);
    expect(d.ok).toBe(true);
    expect(d.warnings.map((w) => w.code)).toContain("R48_MODERATE_HEPATIC");
    expect(d.warnings.find((w) => w.code === "R48_MODERATE_HEPATIC")!.message).toMatch(/may need longer monitoring/);
  });

  it("moderate never shortens the 120 minutes (R30): at 119 minutes discharge is still refused, possible at 120", () => {
    const d = dischargeReadiness(withHepatic(readySession(T0), "MODERATE"), at(119), goodAttestation);
    expect(d.unmet.map((u) => u.code)).toEqual(["R30_MIN_OBSERVATION"]);
    expect(d.availableAt).toEqual(at(120));
  });

  it("none or severe: no discharge notice", () => {
    expect(hepaticDischargeNotice("NONE")).toBeNull();
    expect(hepaticDischargeNotice("SEVERE")).toBeNull();
    expect(dischargeReadiness(readySession(T0), at(120), goodAttestation).warnings.map((w) => w.code)).not.toContain("R48_MODERATE_HEPATIC");
  });
});

describe("the medication list read at the first device", () => {
  it("naltrexone on the list is a SOFT caution to acknowledge; without it there is none", () => {
    const f = beforeDosing();
    f.patient.medications = [{ name: "Naltrexone 50 mg", drugClass: "OPIOID_ANTAGONIST" }];
    f.patient.medicationClasses = ["OPIOID_ANTAGONIST", "ORAL_ANTIDEPRESSANT"];
    const d = deviceReadiness(f, { administeredAt: T0, ...lot }, at(1));
    expect(d.ok).toBe(true);
    expect(d.warnings.map((w) => w.code)).toContain("R16_NALTREXONE_CAUTION");
    expect(deviceReadiness(beforeDosing(), { administeredAt: T0, ...lot }, at(1)).warnings.map((w) => w.code)).not.toContain("R16_NALTREXONE_CAUTION");
  });

  it("MDSI: an oral antidepressant on the list in force satisfies R10; without one it is a SOFT warning", () => {
    const f = beforeDosing();
    f.patient.indication = "MDSI";
    f.plannedDoseMg = 84;
    expect(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)).warnings.map((w) => w.code)).not.toContain("R10_MDSI_NO_ORAL_AD");
    f.patient.medicationClasses = [];
    expect(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)).warnings.map((w) => w.code)).toContain("R10_MDSI_NO_ORAL_AD");
  });
});
