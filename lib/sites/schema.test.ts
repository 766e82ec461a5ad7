import { describe, expect, it } from "vitest";
import { inTheBrowser } from "@/lib/http/testing/in-browser";
import { arChangeSchema, siteSchema } from "./schema";

const base = {
  version: 1,
  name: "Riverside",
  settingType: "OUTPATIENT",
  certificationStatus: "ACTIVE",
  certifiedAt: "2025-01-01",
  pulseOximeterAttested: true,
  address1: "1 Main St",
  city: "Hudson",
  state: "ny",
  zip: "12534",
  timeZone: "America/New_York",
  postDoseAlertSystolic: 180,
  postDoseAlertDiastolic: 110,
  urgentSystolic: 200,
  urgentDiastolic: 120,
  spo2AlertThreshold: 93,
  idleLockMinutes: 10,
};
const errorsOf = (input: unknown) => {
  const r = siteSchema.safeParse(input);
  return r.success ? {} : (r.error.flatten().fieldErrors as Record<string, string[]>);
};

describe("site settings input", () => {
  it("accepts the REMS.md defaults and normalises the state and blank optional values", () => {
    expect(siteSchema.parse(base)).toMatchObject({
      state: "NY",
      preDoseCeilingSystolic: null,
      preDoseCeilingDiastolic: null,
      phone: "",
      acquisitionMethods: [],
    });
  });

  it("reads numbers typed into text boxes", () => {
    inTheBrowser(() => {
      expect(siteSchema.parse({ ...base, postDoseAlertSystolic: " 170 ", preDoseCeilingSystolic: "160", preDoseCeilingDiastolic: "100" })).toMatchObject({
        postDoseAlertSystolic: 170,
        preDoseCeilingSystolic: 160,
        preDoseCeilingDiastolic: 100,
      });
      expect(errorsOf({ ...base, postDoseAlertSystolic: "" }).postDoseAlertSystolic).toEqual(["Enter a systolic value"]);
      expect(errorsOf({ ...base, postDoseAlertSystolic: "18O" }).postDoseAlertSystolic).toEqual(["Enter a systolic value"]);
      expect(errorsOf({ ...base, postDoseAlertSystolic: "180.5" }).postDoseAlertSystolic).toEqual(["Whole numbers only"]);
    });
    // On the wire (the route handler), only a JSON number is a number.
    expect(errorsOf({ ...base, postDoseAlertSystolic: "170" }).postDoseAlertSystolic).toEqual(["Enter a systolic value"]);
    expect(errorsOf({ ...base, postDoseAlertSystolic: [170] }).postDoseAlertSystolic).toEqual(["Enter a systolic value"]);
  });

  it.each([
    ["postDoseAlertSystolic", 99, 100, 260, 261, { urgentSystolic: 260 }],
    ["urgentSystolic", 99, 100, 260, 261, { postDoseAlertSystolic: 100, postDoseAlertDiastolic: 90 }],
    ["postDoseAlertDiastolic", 59, 60, 160, 161, { postDoseAlertSystolic: 250, urgentSystolic: 260, urgentDiastolic: 160 }],
    ["urgentDiastolic", 59, 60, 160, 161, { postDoseAlertDiastolic: 60, urgentSystolic: 260 }],
    ["spo2AlertThreshold", 79, 80, 99, 100, {}],
    ["idleLockMinutes", 0, 1, 60, 61, {}],
  ] as const)("%s: refuses %i, accepts %i and %i, refuses %i", (field, below, min, max, above, around) => {
    const at = (v: number) => errorsOf({ ...base, ...around, [field]: v })[field];
    expect(at(below)).toContain(`At least ${min}`);
    expect(at(min)).toBeUndefined();
    expect(at(max)).toBeUndefined();
    expect(at(above)).toContain(`At most ${max}`);
  });

  it("requires diastolic lower than systolic for each pair", () => {
    expect(errorsOf({ ...base, postDoseAlertSystolic: 150, postDoseAlertDiastolic: 150, urgentDiastolic: 150 }).postDoseAlertDiastolic).toEqual([
      "Diastolic must be lower than systolic",
    ]);
    expect(errorsOf({ ...base, postDoseAlertSystolic: 150, postDoseAlertDiastolic: 149 }).postDoseAlertDiastolic).toBeUndefined();
    expect(errorsOf({ ...base, urgentSystolic: 200, urgentDiastolic: 160, postDoseAlertDiastolic: 110 }).urgentDiastolic).toBeUndefined();
    expect(errorsOf({ ...base, preDoseCeilingSystolic: 140, preDoseCeilingDiastolic: 140 }).preDoseCeilingDiastolic).toEqual([
      "Diastolic must be lower than systolic",
    ]);
  });

  it("requires the urgent level at or above the alert level", () => {
    expect(errorsOf({ ...base, urgentSystolic: 179 }).urgentSystolic).toEqual(["Must be at or above the alert level (180)"]);
    expect(errorsOf({ ...base, urgentSystolic: 180 }).urgentSystolic).toBeUndefined();
    expect(errorsOf({ ...base, urgentDiastolic: 109 }).urgentDiastolic).toEqual(["Must be at or above the alert level (110)"]);
  });

  it("takes either pre-dose ceiling value alone, or neither (R15 checks whichever is set)", () => {
    expect(siteSchema.parse({ ...base, preDoseCeilingSystolic: 160, preDoseCeilingDiastolic: "" })).toMatchObject({
      preDoseCeilingSystolic: 160,
      preDoseCeilingDiastolic: null,
    });
    expect(errorsOf({ ...base, preDoseCeilingSystolic: "", preDoseCeilingDiastolic: "" })).toEqual({});
  });

  it("checks ZIP codes, state codes and time zones", () => {
    for (const zip of ["12534", "12534-0001"]) expect(errorsOf({ ...base, zip }).zip).toBeUndefined();
    for (const zip of ["1253", "125345", "12534-01", "ABCDE"]) expect(errorsOf({ ...base, zip }).zip).toEqual(["ZIP code: 5 digits, or 5+4 like 12534-1234"]);
    expect(errorsOf({ ...base, state: "New York" }).state).toEqual(["Two-letter state code, like NY"]);
    expect(errorsOf({ ...base, timeZone: "Mars/Olympus" }).timeZone).toEqual(["Choose a time zone from the list"]);
    expect(errorsOf({ ...base, timeZone: "America/Chicago" }).timeZone).toBeUndefined();
  });

  it("a certified site needs its certification date and a pulse oximeter", () => {
    const e = errorsOf({ ...base, certifiedAt: "", pulseOximeterAttested: false });
    expect(e.certifiedAt).toEqual(["A certified site needs its certification date"]);
    expect(e.pulseOximeterAttested).toEqual(["A certified site must attest to having a pulse oximeter"]);
    expect(errorsOf({ ...base, certificationStatus: "PENDING", certifiedAt: "", pulseOximeterAttested: false })).toEqual({});
    expect(errorsOf({ ...base, certifiedAt: "2025-02-30" }).certifiedAt).toEqual(["Enter a date"]);
  });
});

describe("change of authorized representative input", () => {
  it("needs a name and a real date; email and phone are optional", () => {
    expect(arChangeSchema.parse({ name: "Dr. Lee", fromDate: "2026-11-20" })).toEqual({ name: "Dr. Lee", email: "", phone: "", fromDate: "2026-11-20" });
    const r = arChangeSchema.safeParse({ name: " ", email: "lee@", fromDate: "20/11/2026" });
    expect(r.success).toBe(false);
    expect(Object.keys(r.error!.flatten().fieldErrors).sort()).toEqual(["email", "fromDate", "name"]);
  });
});
