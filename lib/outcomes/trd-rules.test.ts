import { describe, expect, it } from "vitest";
import { formatWeeks, trdCriteria, trialIsAdequate, whyNotAdequate, type Trial } from "./trd-rules";

const trial = (over: Partial<Trial>): Trial => ({
  drug: "Sertraline",
  mechanismClass: "SSRI",
  adequateDose: true,
  weeks: 8,
  adherent: true,
  outcome: "NO_RESPONSE",
  ...over,
});

describe("antidepressant trial adequacy", () => {
  it("needs 6 weeks: 5 weeks 6 days is not enough, 6 weeks is", () => {
    expect(trialIsAdequate(trial({ weeks: 5 + 6 / 7 }))).toBe(false);
    expect(trialIsAdequate(trial({ weeks: 6 }))).toBe(true);
  });
  it("needs an adequate dose and adherence", () => {
    expect(trialIsAdequate(trial({ adequateDose: false }))).toBe(false);
    expect(trialIsAdequate(trial({ adherent: false }))).toBe(false);
  });
  it("records intolerance but does not count it as a failed adequate trial", () => {
    expect(trialIsAdequate(trial({ outcome: "INTOLERANCE", weeks: 10 }))).toBe(false);
  });
});

describe("TRD criteria: ≥ 2 adequate trials of different mechanisms without remission", () => {
  it("is met by an SSRI and an SNRI that failed", () => {
    const s = trdCriteria([trial({}), trial({ drug: "Venlafaxine", mechanismClass: "SNRI", outcome: "PARTIAL_RESPONSE" })]);
    expect(s.met).toBe(true);
    expect(s.mechanisms).toEqual(["SSRI", "SNRI"]);
  });
  it("is not met by the same mechanism twice", () => {
    const s = trdCriteria([trial({}), trial({ drug: "Escitalopram" })]);
    expect(s.met).toBe(false);
    expect(s.reason).toContain("share one mechanism");
  });
  it("is not met when one of two trials was an intolerance or ended in remission", () => {
    expect(trdCriteria([trial({}), trial({ mechanismClass: "SNRI", outcome: "INTOLERANCE" })]).met).toBe(false);
    expect(trdCriteria([trial({}), trial({ mechanismClass: "SNRI", outcome: "REMISSION" })]).met).toBe(false);
  });
});

describe("the evidence a reviewer reads", () => {
  it("says why a trial does not count", () => {
    expect(whyNotAdequate(trial({ weeks: 5 + 6 / 7 }))).toBe("5 weeks 6 days, under 6 weeks");
    expect(whyNotAdequate(trial({ outcome: "INTOLERANCE", weeks: 3 }))).toMatch(/intolerance/);
    expect(whyNotAdequate(trial({ adherent: false, adequateDose: false }))).toBe("dose below adequate; not taken as prescribed");
    expect(whyNotAdequate(trial({}))).toBeNull();
    expect(formatWeeks(6)).toBe("6 weeks");
    expect(whyNotAdequate(trial({ weeks: 5.95 }))).toBe("5 weeks 6 days, under 6 weeks");
    expect(formatWeeks(5.857)).toBe("5 weeks 6 days");
  });
});
