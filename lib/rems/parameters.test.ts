import { describe, expect, it } from "vitest";
import { parametersAt } from "./parameters";

const set = (iso: string, minObservationMinutes: number) => ({ effectiveFrom: new Date(iso), minObservationMinutes });

describe("effective-dated REMS parameters (R45)", () => {
  const sets = [set("2019-03-05T00:00:00Z", 120), set("2027-01-01T05:00:00Z", 90)];

  it("uses the set in force at the instant, switching exactly at its effective time", () => {
    expect(parametersAt(sets, new Date("2026-12-31T23:59:59Z")).minObservationMinutes).toBe(120);
    expect(parametersAt(sets, new Date("2027-01-01T04:59:59.999Z")).minObservationMinutes).toBe(120);
    expect(parametersAt(sets, new Date("2027-01-01T05:00:00Z")).minObservationMinutes).toBe(90);
  });

  it("refuses to guess when no set was in force", () => {
    expect(() => parametersAt(sets, new Date("2019-03-04T23:59:59Z"))).toThrow(/No REMS parameter set/);
  });
});
