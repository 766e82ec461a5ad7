import { describe, expect, it } from "vitest";
import { inTheBrowser } from "@/lib/http/testing/in-browser";
import { z } from "zod";
import { adverseEventSchema, checkInSchema, dissociationSchema, doseMgOf, doseSchema, vitalsSchema } from "./schema";

const errors = (r: { success: boolean; error?: z.ZodError }) => (r.success ? {} : z.flattenError(r.error!).fieldErrors);

describe("vital signs input: possible values only (danger is a rule, not a validation error)", () => {
  it("accepts a dangerous but possible reading", () => {
    expect(vitalsSchema.safeParse({ systolic: 230, diastolic: 130, spo2: 80 }).success).toBe(true);
  });
  it("refuses systolic 400, SpO₂ 101 and diastolic ≥ systolic with messages at the fields", () => {
    expect(errors(vitalsSchema.safeParse({ systolic: 400, diastolic: 80 }))).toMatchObject({ systolic: ["Systolic must be at most 300"] });
    expect(errors(vitalsSchema.safeParse({ spo2: 101 }))).toMatchObject({ spo2: ["SpO₂ must be at most 100"] });
    expect(errors(vitalsSchema.safeParse({ systolic: 120, diastolic: 120 }))).toMatchObject({ diastolic: ["Diastolic must be lower than systolic"] });
  });
  it("refuses half a blood pressure, an empty set and a time in the future", () => {
    expect(errors(vitalsSchema.safeParse({ systolic: 120 }))).toMatchObject({ diastolic: ["Enter both systolic and diastolic"] });
    expect(errors(vitalsSchema.safeParse({}))).toMatchObject({ systolic: ["Enter at least one vital sign"] });
    expect(errors(vitalsSchema.safeParse({ spo2: 97, takenAt: new Date(Date.now() + 5 * 60_000).toISOString() }))).toMatchObject({
      takenAt: ["This time is in the future"],
    });
  });
  it("reads form strings as numbers and blanks as absent", () => {
    expect(inTheBrowser(() => vitalsSchema.parse({ systolic: "128", diastolic: "80", heartRate: "", spo2: "98" }))).toMatchObject({
      systolic: 128,
      diastolic: 80,
      heartRate: undefined,
      spo2: 98,
    });
  });
  it("takes only JSON numbers on the wire: numeral text, arrays, booleans are refused at the field", () => {
    for (const systolic of ["128", [128], true, {}])
      expect((errors(vitalsSchema.safeParse({ systolic, diastolic: 80 })) as Record<string, string[]>).systolic, JSON.stringify(systolic)).toEqual([
        "Enter systolic",
      ]);
  });
});

describe("other session inputs", () => {
  it("a back-entered check-in needs its time and a reason; a live one needs neither", () => {
    const base = { patientId: "p", chairId: "c", prescriberOnSiteId: "x", monitoringHcpId: "y", indication: "TRD" };
    expect(checkInSchema.safeParse(base).success).toBe(true);
    const r = checkInSchema.safeParse({ ...base, backEntry: true, checkedInAt: "", backEntryReason: "no" });
    expect(r.success ? [] : r.error.issues.map((i) => i.path[0]).sort()).toEqual(["backEntryReason", "checkedInAt"]);
    expect(checkInSchema.safeParse({ ...base, backEntry: true, checkedInAt: "2026-06-01T16:11:00Z", backEntryReason: "Network down" }).success).toBe(true);
  });
  it("names each missing check-in choice in the clinic's words", () => {
    expect(errors(checkInSchema.safeParse({}))).toEqual({
      patientId: ["Choose the patient"],
      chairId: ["Choose a chair"],
      prescriberOnSiteId: ["Choose the prescriber on site"],
      monitoringHcpId: ["Choose the monitoring nurse"],
      indication: ["Choose the indication"],
    });
  });
  it("needs mg and a reason for another dose, in multiples of 28", () => {
    expect(errors(doseSchema.safeParse({ version: 1, doseOption: "OTHER", otherDoseMg: 30 }))).toMatchObject({
      otherDoseMg: ["The dose must be a multiple of 28 mg (one device)"],
      otherDoseReason: ["Give the reason for this dose"],
    });
    expect(doseMgOf(doseSchema.parse({ version: 1, doseOption: "OTHER", otherDoseMg: 112, otherDoseReason: "Prescriber's plan" }))).toBe(112);
    expect(doseMgOf(doseSchema.parse({ version: 1, doseOption: "84" }))).toBe(84);
  });
  it("refuses an adverse event that ends before its onset (R49), at the field", () => {
    const base = { type: "OTHER", description: "Nausea", onsetAt: "2026-12-01T15:00:00Z" };
    expect(errors(adverseEventSchema.safeParse({ ...base, resolvedAt: "2026-12-01T14:59:59Z" }))).toMatchObject({
      resolvedAt: ["The event cannot end before its onset"],
    });
    expect(adverseEventSchema.safeParse({ ...base, resolvedAt: "2026-12-01T15:00:00Z" }).success).toBe(true);
  });
  it("needs all six CADSS-6 item scores, each 0–4", () => {
    expect(dissociationSchema.safeParse({ present: true, scale: "CADSS6", itemScores: [1, 2, 0, 0, 1, 3] }).success).toBe(true);
    expect(errors(dissociationSchema.safeParse({ present: true, scale: "CADSS6", itemScores: [1, 2] }))).toMatchObject({ itemScores: ["Score all 6 items"] });
    expect(dissociationSchema.safeParse({ present: true, scale: "CADSS6", itemScores: [5, 0, 0, 0, 0, 0] }).success).toBe(false);
  });
});
