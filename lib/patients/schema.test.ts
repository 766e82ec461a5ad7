import { describe, expect, it } from "vitest";
import { z } from "zod";
import { importRowSchema } from "./import-schema";
import { newPatientSchema, patientListQuerySchema } from "./schema";
import { latestDayNow } from "@/lib/http/fields";
import { dateOnly } from "@/lib/time/days";

const valid = { siteId: "s1", mrn: "A-1", firstName: "Ann", lastName: "Lee", birthDate: "1980-01-01", sex: "FEMALE", indication: "TRD" };
const errorsOf = (v: unknown) => {
  const r = newPatientSchema.safeParse(v);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};
// Relative to the latest calendar day on Earth (UTC+14): the schema's bound; the site-day check is lib/patients/age-rules.ts.
const yearsAgo = (n: number, dayShift = 0) => {
  const d = new Date(`${latestDayNow()}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - n);
  d.setUTCDate(d.getUTCDate() + dayShift);
  return dateOnly(d);
};

describe("new patient input", () => {
  it("accepts an adult and refuses a minor: 18 today passes, 18 tomorrow does not", () => {
    expect(errorsOf({ ...valid, birthDate: yearsAgo(18) })).toEqual({});
    expect(errorsOf({ ...valid, birthDate: yearsAgo(18, 1) }).birthDate).toEqual(["SPRAVATO is for adults: the patient must be 18 or older"]);
  });
  it("shows the birth-date message even while other fields are empty", () => {
    expect(errorsOf({ birthDate: "2015-01-01" }).birthDate).toEqual(["SPRAVATO is for adults: the patient must be 18 or older"]);
  });
  it("refuses a date that does not exist (it would reach the database as an invalid date)", () => {
    expect(errorsOf({ ...valid, birthDate: "1980-13-02" }).birthDate?.[0]).toBe("Enter the date of birth");
    expect(errorsOf({ ...valid, birthDate: "1981-02-29" }).birthDate?.[0]).toBe("Enter the date of birth");
    expect(errorsOf({ ...valid, birthDate: "1980-02-30" }).birthDate).toEqual(["Enter the date of birth"]);
    expect(errorsOf({ ...valid, birthDate: "2026-13-45" }).birthDate).toEqual(["Enter the date of birth"]);
    expect(errorsOf({ ...valid, birthDate: ["1980-01-01"] }).birthDate).toBeDefined();
  });
  it("refuses names with NUL or text-direction controls, in the form and in an imported row", () => {
    expect(errorsOf({ ...valid, lastName: "\u202Eeel" }).lastName?.[0]).toMatch(/invisible control characters/);
    expect(errorsOf({ ...valid, firstName: "An\u0000n" }).firstName?.[0]).toMatch(/invisible control characters/);
    const row = importRowSchema.safeParse({ ...valid, firstName: "Ann\u2066" });
    expect(row.success ? [] : row.error.issues.map((i) => i.path.join("."))).toEqual(["firstName"]);
  });
  it("refuses a future date and an implausible year", () => {
    expect(errorsOf({ ...valid, birthDate: "2999-01-01" }).birthDate?.[0]).toBe("The date of birth is in the future");
    expect(errorsOf({ ...valid, birthDate: "1850-01-01" }).birthDate?.[0]).toBe("Check the year of birth");
  });
  it("allows letters, digits and dashes in an MRN", () => {
    expect(errorsOf({ ...valid, mrn: "A 1" }).mrn).toEqual(["Letters, digits and dashes only"]);
  });
});

describe("patient list query", () => {
  it("falls back to page 1 and no search for anything malformed", () => {
    expect(patientListQuerySchema.parse({ page: "-3", q: "   " })).toEqual({ page: 1, q: undefined, site: undefined });
    expect(patientListQuerySchema.parse({ page: "abc", q: "x".repeat(500) })).toEqual({ page: 1, q: undefined, site: undefined });
    expect(patientListQuerySchema.parse({ page: "2", q: " rivera " })).toEqual({ page: 2, q: "rivera", site: undefined });
  });
});
