import { describe, expect, it } from "vitest";
import { conmedAnswersFromClasses, inForceOn, medicationsInForce, pmfConmedAnswer, takesNaltrexone } from "./medication-rules";
import { medicationEditSchema, medicationSchema, medicationStopSchema } from "./medication-schema";

const med = (drugClass: string, startedOn: string | null, stoppedOn: string | null = null, name = "x") => ({ name, drugClass, startedOn, stoppedOn });

describe("the medication list in force on a day", () => {
  it("counts a medicine from its start day and until the day before its stop day", () => {
    const m = med("BENZODIAZEPINE", "2026-03-01", "2026-03-10");
    expect(inForceOn(m, "2026-02-28")).toBe(false);
    expect(inForceOn(m, "2026-03-01")).toBe(true);
    expect(inForceOn(m, "2026-03-09")).toBe(true);
    expect(inForceOn(m, "2026-03-10")).toBe(false);
  });

  it("counts a medicine with no recorded start as taken since before any session, and one not stopped as still taken", () => {
    expect(inForceOn(med("OPIOID", null), "2020-01-01")).toBe(true);
    expect(inForceOn(med("OPIOID", "2026-03-01"), "2099-12-31")).toBe(true);
  });

  it("keeps only the medicines in force, so a stopped row stays in the history but answers nothing", () => {
    const meds = [med("BENZODIAZEPINE", "2026-01-01", "2026-03-01"), med("OPIOID", "2026-02-01")];
    expect(medicationsInForce(meds, "2026-03-05").map((m) => m.drugClass)).toEqual(["OPIOID"]);
    expect(medicationsInForce(meds, "2026-02-28").map((m) => m.drugClass)).toEqual(["BENZODIAZEPINE", "OPIOID"]);
  });
});

describe("what the list answers for the concomitant-medication questions (R16, PMF rows 8–12)", () => {
  it("answers yes exactly for the classes on the list", () => {
    expect(conmedAnswersFromClasses(["BENZODIAZEPINE", "MAOI", "ORAL_ANTIDEPRESSANT"])).toEqual({
      conmedBenzodiazepines: true,
      conmedSedativeHypnotics: false,
      conmedPsychostimulants: false,
      conmedMaois: true,
      conmedOpioids: false,
    });
    expect(Object.values(conmedAnswersFromClasses([]))).toEqual([false, false, false, false, false]);
  });

  it("a PMF answer is yes when the list or the nurse says yes, no only when both say no, and nothing before the nurse answered", () => {
    expect(pmfConmedAnswer(null, true)).toBeNull();
    expect(pmfConmedAnswer(false, false)).toBe(false);
    expect(pmfConmedAnswer(false, true)).toBe(true);
    expect(pmfConmedAnswer(true, false)).toBe(true);
  });

  it("finds naltrexone by its class or by its name", () => {
    expect(takesNaltrexone([med("OPIOID_ANTAGONIST", null)])).toBe(true);
    expect(takesNaltrexone([med("ORAL_ANTIDEPRESSANT", null, null, "Naltrexone/bupropion 8/90 mg")])).toBe(true);
    expect(takesNaltrexone([med("OPIOID", null, null, "Tramadol")])).toBe(false);
  });
});

describe("the medication schemas (form and route)", () => {
  const ok = { name: "Lorazepam", drugClass: "BENZODIAZEPINE", dose: "1 mg at night", startedOn: "2026-03-01" };
  it("accepts a medicine with its class and start, and a stop on the start day", () => {
    expect(medicationSchema.safeParse(ok).success).toBe(true);
    expect(medicationSchema.safeParse({ ...ok, stoppedOn: "2026-03-01" }).success).toBe(true);
  });
  it("refuses a stop before the start at the stop field", () => {
    expect(medicationSchema.safeParse({ ...ok, stoppedOn: "2026-02-28" }).error?.issues.map((i) => i.path)).toEqual([["stoppedOn"]]);
    expect(medicationEditSchema.safeParse({ ...ok, version: 1, stoppedOn: "2026-02-28" }).error?.issues.map((i) => i.path)).toEqual([["stoppedOn"]]);
  });
  it("refuses a missing name, class or start, an impossible date, and an edit without its version", () => {
    const paths = (v: unknown) => medicationSchema.safeParse(v).error?.issues.map((i) => i.path[0]);
    expect(paths({ ...ok, name: " " })).toEqual(["name"]);
    expect(paths({ ...ok, drugClass: "VITAMIN" })).toEqual(["drugClass"]);
    expect(paths({ ...ok, startedOn: "2026-02-30" })).toEqual(["startedOn"]);
    expect(medicationEditSchema.safeParse(ok).error?.issues.map((i) => i.path[0])).toEqual(["version"]);
    expect(medicationStopSchema.safeParse({ version: 1, stoppedOn: "" }).error?.issues.map((i) => i.path[0])).toEqual(["stoppedOn"]);
  });
});
