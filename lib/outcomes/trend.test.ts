import { describe, expect, it } from "vitest";
import type { CourseRow } from "@/lib/review/course";
import { courseAnnotations, outcomeTrend, type Measure } from "./trend";

const m = (id: string, instrument: Measure["instrument"], total: number, date: string, item9 = 0): Measure => ({
  id,
  instrument,
  total,
  takenAt: new Date(`${date}T15:00:00Z`),
  item9,
});
const day = (d: Date) => d.toISOString().slice(0, 10);

describe("outcome trend", () => {
  it("marks response against the first measure and remission by the scale's cut-off", () => {
    const t = outcomeTrend(
      "PHQ9",
      [m("b", "PHQ9", 11, "2026-01-12"), m("a", "PHQ9", 22, "2026-01-05"), m("c", "PHQ9", 4, "2026-02-02", 1), m("x", "MADRS", 30, "2026-01-05")],
      day,
    );
    expect([t.baseline, t.responseAt, t.remissionAt]).toEqual([22, 11, 4]);
    expect(t.points.map((p) => [p.id, p.response, p.remission, p.item9Flag])).toEqual([
      ["a", false, false, false],
      ["b", true, false, false],
      ["c", true, true, true],
    ]);
  });
  it("uses MADRS ≤ 12 for remission", () => {
    const t = outcomeTrend("MADRS", [m("a", "MADRS", 36, "2026-01-05"), m("b", "MADRS", 12, "2026-02-05"), m("c", "MADRS", 13, "2026-02-12")], day);
    expect(t.points.map((p) => p.remission)).toEqual([false, true, false]);
  });
  it("annotates phase starts and dose changes", () => {
    const row = (id: string, week: number, phase: CourseRow["phase"], doseMg: number): CourseRow => ({
      id,
      treatmentDate: id,
      week,
      phase,
      doseMg,
      status: "DISCHARGED",
      preDose: null,
      peakPostDose: null,
      preDischarge: null,
      flags: [],
    });
    const rows = [row("2026-01-05", 1, "Induction", 56), row("2026-01-08", 1, "Induction", 84), row("2026-02-09", 6, "Maintenance (weekly)", 84)];
    expect(courseAnnotations(rows, (id) => Date.parse(id)).map((a) => a.label)).toEqual([
      "Induction (week 1)",
      "Dose 56 → 84 mg",
      "Maintenance (weekly) (week 6)",
    ]);
  });
});
