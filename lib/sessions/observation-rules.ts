// R25–R29: the 40-minute blood pressure, alerts a clinician trusts, sedation and dissociation.
import type { RemsParameters } from "@/lib/rems/parameters";
import { addMinutes, minutesBetween } from "@/lib/rems/rule-result";
import { byTime, live, type DissociationCheck, type SedationScore, type SiteFacts, type Vital } from "./facts";
import { bpAbove } from "./predose-rules";

const hasBp = (v: Vital) => v.systolic != null && v.diastolic != null;

export type FortyMinuteState =
  | { state: "waiting"; dueAt: Date; windowStart: Date; windowEnd: Date }
  | { state: "due" | "overdue"; dueAt: Date; windowStart: Date; windowEnd: Date }
  | { state: "recorded"; dueAt: Date; windowStart: Date; windowEnd: Date; reading: Vital; deviation: boolean; minutesAfterT0: number };

/**
 * R25: the reading designated as the 40-minute BP. A reading the nurse marked POST_40 wins; otherwise
 * the live reading in [T0+30, T0+50] closest to T0+40. A designated reading outside the window is a
 * protocol deviation; the system never moves or invents a reading.
 */
export function fortyMinuteReading(vitals: Vital[], t0: Date, params: RemsParameters, now: Date): FortyMinuteState {
  const dueAt = addMinutes(t0, params.fortyMinuteTargetMinutes);
  const windowStart = addMinutes(t0, params.fortyMinuteWindowStart);
  const windowEnd = addMinutes(t0, params.fortyMinuteWindowEnd);
  const post = byTime(live(vitals)).filter((v) => hasBp(v) && v.takenAt.getTime() >= t0.getTime());
  const inWindow = (v: Vital) => v.takenAt.getTime() >= windowStart.getTime() && v.takenAt.getTime() <= windowEnd.getTime();
  const picked = post.filter((v) => v.kind === "POST_40").at(-1);
  const closest = post.filter(inWindow).sort((a, b) => Math.abs(a.takenAt.getTime() - dueAt.getTime()) - Math.abs(b.takenAt.getTime() - dueAt.getTime()))[0];
  const reading = picked ?? closest;
  if (reading)
    return { state: "recorded", dueAt, windowStart, windowEnd, reading, deviation: !inWindow(reading), minutesAfterT0: minutesBetween(t0, reading.takenAt) };
  const state = now.getTime() < windowStart.getTime() ? "waiting" : now.getTime() <= windowEnd.getTime() ? "due" : "overdue";
  return { state, dueAt, windowStart, windowEnd };
}

export type Alert = {
  code: string;
  rule: string;
  severity: "alert" | "urgent";
  message: string;
  opensAdverseEvent?: "HYPERTENSION" | "RESPIRATORY_DEPRESSION" | "SEDATION";
  serious?: boolean;
};

/** R26: post-dose blood pressure above the site's thresholds. */
export function bpAlert(v: Vital, site: SiteFacts): Alert | null {
  if (!hasBp(v)) return null;
  const bp = `${v.systolic}/${v.diastolic}`;
  if (bpAbove(v, site.urgentSystolic, site.urgentDiastolic))
    return {
      code: "R26_BP_URGENT",
      rule: "R26",
      severity: "urgent",
      message: `Blood pressure ${bp} is above ${site.urgentSystolic}/${site.urgentDiastolic}: tell the prescriber now and repeat in 5 minutes. Symptoms of a hypertensive crisis need emergency care.`,
    };
  if (bpAbove(v, site.postDoseAlertSystolic, site.postDoseAlertDiastolic))
    return {
      code: "R26_BP_HIGH",
      rule: "R26",
      severity: "alert",
      message: `Blood pressure ${bp} is above ${site.postDoseAlertSystolic}/${site.postDoseAlertDiastolic}: tell the prescriber and repeat in 5 minutes.`,
    };
  return null;
}

/**
 * R27: SpO2 below the site's threshold alerts; two consecutive low readings (by time, live, with SpO2)
 * open a respiratory-depression event.
 */
export function spo2Alert(vitals: Vital[], newest: Vital, site: SiteFacts): Alert | null {
  if (newest.spo2 == null || newest.spo2 >= site.spo2AlertThreshold) return null;
  const withSpo2 = byTime(live(vitals)).filter((v) => v.spo2 != null && v.takenAt.getTime() <= newest.takenAt.getTime() && v.id !== newest.id);
  const previous = withSpo2.at(-1);
  if (previous && previous.spo2! < site.spo2AlertThreshold)
    return {
      code: "R27_RESPIRATORY_DEPRESSION",
      rule: "R27",
      severity: "urgent",
      opensAdverseEvent: "RESPIRATORY_DEPRESSION",
      message: `SpO₂ ${newest.spo2}% after ${previous.spo2}%: two consecutive readings below ${site.spo2AlertThreshold}%. A respiratory-depression event is opened; stimulate, give oxygen as needed and tell the prescriber.`,
    };
  return {
    code: "R27_SPO2_LOW",
    rule: "R27",
    severity: "alert",
    message: `SpO₂ ${newest.spo2}% is below ${site.spo2AlertThreshold}%: reassess breathing and repeat the reading.`,
  };
}

/** R28: MOAA/S ≤ 3 alerts the prescriber; 0 (no response) opens a serious adverse event. */
export function sedationAlert(s: Pick<SedationScore, "moaas">): Alert | null {
  if (s.moaas === 0)
    return {
      code: "R28_UNRESPONSIVE",
      rule: "R28",
      severity: "urgent",
      opensAdverseEvent: "SEDATION",
      serious: true,
      message: "MOAA/S 0: no response to a painful stimulus. A serious adverse event is opened; start the emergency procedure.",
    };
  if (s.moaas <= 3)
    return {
      code: "R28_MODERATE_SEDATION",
      rule: "R28",
      severity: "alert",
      message: `MOAA/S ${s.moaas}: moderate or deeper sedation. Tell the prescriber and watch breathing.`,
    };
  return null;
}

/** R28/R29 for the PMF: sedation (any MOAA/S < 5) and dissociation (ever present) this session. */
export function sedationOccurred(scores: SedationScore[]) {
  return live(scores).some((s) => s.moaas < 5);
}
export function dissociationOccurred(checks: DissociationCheck[]) {
  return live(checks).some((d) => d.present);
}
