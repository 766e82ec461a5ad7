import { describe, expect, it } from "vitest";
import { peakPostDose, signOffFlags } from "./sign-off-card";

const at = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00Z`);

describe("a sign-off card in the review queue", () => {
  it("takes the peak BP from the first device on, ignoring the pre-dose reading however high", () => {
    const readings = [
      { systolic: 170, diastolic: 100, takenAt: at("13:55") },
      { systolic: 152, diastolic: 90, takenAt: at("14:40") },
      { systolic: 152, diastolic: 96, takenAt: at("15:10") },
      { systolic: null, diastolic: null, takenAt: at("15:20") },
    ];
    expect(peakPostDose(readings, at("14:00"))).toEqual({ systolic: 152, diastolic: 96, takenAt: at("15:10") });
    expect(peakPostDose(readings, null)).toBeNull();
    expect(peakPostDose(readings.slice(0, 1), at("14:00"))).toBeNull();
  });
  it("lists alerts, adverse events, deviations and late entries, most serious first, nothing for zero", () => {
    expect(signOffFlags({ alerts: 2, adverseEvents: 1, deviations: 0, lateEntries: 1, acknowledgements: 3 }).map((f) => f.text)).toEqual([
      "2 alerts",
      "1 adverse event",
      "1 late entry",
      "3 warnings acknowledged",
    ]);
    expect(signOffFlags({ alerts: 0, adverseEvents: 0, deviations: 2, lateEntries: 2, acknowledgements: 0 }).map((f) => f.text)).toEqual([
      "2 deviations",
      "2 late entries",
    ]);
    expect(signOffFlags({ alerts: 0, adverseEvents: 0, deviations: 0, lateEntries: 0, acknowledgements: 0 })).toEqual([]);
  });
});
