import { describe, expect, it } from "vitest";
import type { Vital } from "@/lib/sessions/facts";
import { patientCourse, phaseOfWeek, type CourseSession } from "./course";

let n = 0;
const v = (iso: string, kind: Vital["kind"], systolic: number, diastolic: number, enteredInError = false): Vital => ({
  id: `v${n++}`,
  takenAt: new Date(iso),
  kind,
  systolic,
  diastolic,
  heartRate: 80,
  spo2: 97,
  enteredInError,
});
const session = (date: string, pre: [number, number], forty: [number, number], last: [number, number], extra: Partial<CourseSession> = {}): CourseSession => ({
  id: date,
  treatmentDate: date,
  status: "DISCHARGED",
  doseMg: 56,
  t0: new Date(`${date}T14:00:00Z`),
  vitals: [v(`${date}T13:50:00Z`, "PRE_DOSE", ...pre), v(`${date}T14:41:00Z`, "POST_40", ...forty), v(`${date}T16:00:00Z`, "PRE_COMPLETION", ...last)],
  ...extra,
});

describe("a patient's course", () => {
  it("takes pre-dose, peak post-dose and pre-discharge BP from each session, ignoring readings entered in error", () => {
    const s = session("2026-01-05", [128, 80], [150, 92], [132, 84]);
    s.vitals.push(v("2026-01-05T14:20:00Z", "EXTRA", 158, 95), v("2026-01-05T14:25:00Z", "EXTRA", 210, 120, true));
    const [row] = patientCourse([s]);
    expect([row.preDose?.systolic, row.peakPostDose?.systolic, row.peakPostDose?.diastolic, row.preDischarge?.systolic]).toEqual([128, 158, 95, 132]);
    expect(row.flags).toEqual([]);
  });

  it("numbers weeks from the first dose and names the phase (weeks 1–4, 5–8, then 9 on)", () => {
    const rows = patientCourse([
      session("2026-01-05", [120, 80], [130, 85], [120, 80]),
      session("2026-02-01", [120, 80], [130, 85], [120, 80]),
      session("2026-02-02", [120, 80], [130, 85], [120, 80]),
      session("2026-03-02", [120, 80], [130, 85], [120, 80]),
      session("2026-01-04", [120, 80], [130, 85], [120, 80], { t0: null }),
    ]);
    expect(rows.map((r) => [r.week, r.phase])).toEqual([
      [1, "Induction"],
      [4, "Induction"],
      [5, "Maintenance (weekly)"],
      [9, "Maintenance (every 1–2 weeks)"],
    ]);
    expect(phaseOfWeek(8)).toBe("Maintenance (weekly)");
  });

  it("flags a pre-dose BP above 140/90 seen again at the next session, not the first time", () => {
    const rows = patientCourse([
      session("2026-01-05", [142, 80], [150, 90], [130, 80]),
      session("2026-01-08", [138, 91], [150, 90], [130, 80]),
      session("2026-01-12", [140, 90], [150, 90], [130, 80]),
    ]);
    expect(rows.map((r) => r.flags)).toEqual([[], ["PRE_DOSE_ELEVATED_REPEATEDLY"], []]);
  });

  it("flags a discharge whose last BP is not below the 40-minute value (R32's meaning of decreasing)", () => {
    const rising = session("2026-01-15", [120, 80], [150, 90], [160, 95]);
    rising.vitals = rising.vitals.map((x) => (x.kind === "POST_40" ? { ...x, kind: "EXTRA" as const } : x)); // none designated: the reading nearest 40 minutes stands in
    expect(patientCourse([rising])[0].flags).toEqual(["DISCHARGED_BP_NOT_DECREASING"]);
    const rows = patientCourse([
      session("2026-01-05", [120, 80], [150, 90], [150, 90]),
      session("2026-01-08", [120, 80], [150, 90], [149, 90]),
      session("2026-01-12", [120, 80], [150, 90], [152, 80], { status: "EMERGENCY_TRANSFER" }),
    ]);
    expect(rows.map((r) => r.flags)).toEqual([["DISCHARGED_BP_NOT_DECREASING"], [], []]);
  });
});
