// A patient's course of treatment, one row per dosed session: pre-dose, peak post-dose and
// pre-discharge blood pressure, the dose and the phase, with the patterns a psychiatrist must see.
import { bpDecreasing } from "@/lib/sessions/discharge-rules";
import type { Vital } from "@/lib/sessions/facts";
import { daysBetween } from "@/lib/time/days";

export type Bp = { systolic: number; diastolic: number; takenAt: Date };
export type Phase = "Induction" | "Maintenance (weekly)" | "Maintenance (every 1–2 weeks)";
export type CourseFlag = "PRE_DOSE_ELEVATED_REPEATEDLY" | "DISCHARGED_BP_NOT_DECREASING";
export const COURSE_FLAGS: Record<CourseFlag, string> = {
  PRE_DOSE_ELEVATED_REPEATEDLY: "Pre-dose BP above 140/90 again (also at the previous session)",
  DISCHARGED_BP_NOT_DECREASING: "Discharged with BP not decreasing from the 40-minute reading",
};

export type CourseSession = { id: string; treatmentDate: string; status: string; doseMg: number | null; t0: Date | null; vitals: Vital[] };
export type CourseRow = {
  id: string;
  treatmentDate: string;
  week: number;
  phase: Phase;
  doseMg: number | null;
  status: string;
  preDose: Bp | null;
  peakPostDose: Bp | null;
  preDischarge: Bp | null;
  flags: CourseFlag[];
};

/** Weeks 1–4 induction (twice weekly), 5–8 weekly maintenance, then every one or two weeks (REMS.md §2.3). */
export function phaseOfWeek(week: number): Phase {
  if (week <= 4) return "Induction";
  if (week <= 8) return "Maintenance (weekly)";
  return "Maintenance (every 1–2 weeks)";
}

export const aboveElevated = (bp: Bp) => bp.systolic > 140 || bp.diastolic > 90;

const bpOf = (v: Vital | undefined): Bp | null =>
  v && v.systolic != null && v.diastolic != null ? { systolic: v.systolic, diastolic: v.diastolic, takenAt: v.takenAt } : null;

export function patientCourse(sessions: CourseSession[]): CourseRow[] {
  const dosed = sessions.filter((s) => s.t0).sort((a, b) => a.t0!.getTime() - b.t0!.getTime());
  const first = dosed[0]?.treatmentDate;
  let previousPreDose: Bp | null = null;
  return dosed.map((s) => {
    const t0 = s.t0!.getTime();
    const bps = s.vitals
      .filter((v) => !v.enteredInError && v.systolic != null && v.diastolic != null)
      .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
    const before = bps.filter((v) => v.takenAt.getTime() < t0);
    const after = bps.filter((v) => v.takenAt.getTime() >= t0);
    const preDose = bpOf(before.filter((v) => v.kind === "PRE_DOSE").at(-1) ?? before.at(-1));
    const peak = after.reduce<Vital | undefined>(
      (m, v) => (!m || v.systolic! > m.systolic! || (v.systolic === m.systolic && v.diastolic! > m.diastolic!) ? v : m),
      undefined,
    );
    const lastAfter = after.filter((v) => v.kind === "PRE_COMPLETION").at(-1) ?? after.at(-1);
    // The 40-minute reading, or the reading nearest T0 + 40 when none was designated.
    const nearest40 = (v: Vital) => Math.abs(v.takenAt.getTime() - t0 - 40 * 60_000);
    const forty = after.find((v) => v.kind === "POST_40") ?? [...after].sort((a, b) => nearest40(a) - nearest40(b))[0];
    const flags: CourseFlag[] = [];
    if (preDose && aboveElevated(preDose) && previousPreDose && aboveElevated(previousPreDose)) flags.push("PRE_DOSE_ELEVATED_REPEATEDLY");
    if (s.status === "DISCHARGED" && lastAfter && forty && lastAfter !== forty && !bpDecreasing(lastAfter, forty)) flags.push("DISCHARGED_BP_NOT_DECREASING");
    previousPreDose = preDose;
    const week = Math.floor(daysBetween(first!, s.treatmentDate) / 7) + 1;
    return {
      id: s.id,
      treatmentDate: s.treatmentDate,
      week,
      phase: phaseOfWeek(week),
      doseMg: s.doseMg,
      status: s.status,
      preDose,
      peakPostDose: bpOf(peak),
      preDischarge: bpOf(lastAfter),
      flags,
    };
  });
}
