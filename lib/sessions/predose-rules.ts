// R11–R16: the pre-dose checklist and pre-dose vital signs.
import type { RemsParameters } from "@/lib/rems/parameters";
import { addMinutes, minutesBetween, type Finding } from "@/lib/rems/rule-result";
import { byTime, live, type ChecklistFacts, type GateDecisionFact, type SiteFacts, type Vital } from "./facts";
import { gate } from "./gates";
import { formatTime } from "@/lib/time/format";

export const bpAbove = (v: { systolic: number | null; diastolic: number | null }, sys: number, dia: number) =>
  (v.systolic ?? 0) > sys || (v.diastolic ?? 0) > dia;

/** R11: a ride home is recorded (driver with name and phone, or a rideshare). */
export function rideCheck(c: ChecklistFacts | null): Finding[] {
  if (c?.rideType === "RIDESHARE") return [];
  if (c?.rideType === "DRIVER" && c.driverName && c.driverPhone) return [];
  if (c?.rideType === "NONE")
    return [
      {
        code: "R11_NO_RIDE",
        rule: "R11",
        strength: "HARD",
        message: "No ride home: the session cannot start; saving ends it as not dosed (no ride).",
        field: "rideType",
      },
    ];
  return [
    { code: "R11_RIDE_MISSING", rule: "R11", strength: "HARD", message: "Record the ride home (driver's name and phone, or rideshare).", field: "rideType" },
  ];
}

/** R12 (SOFT): food, liquid and nasal medication timing before the planned first device. */
export function fastingChecks(c: ChecklistFacts | null, plannedFirstDeviceAt: Date, timeZone: string): Finding[] {
  const f: Finding[] = [];
  if (!c || !c.lastFoodAt || !c.lastLiquidAt)
    f.push({ code: "R12_TIMES_MISSING", rule: "R12", strength: "HARD", message: "Record the time of the last food and the last liquid.", field: "lastFoodAt" });
  if (c?.lastFoodAt && minutesBetween(c.lastFoodAt, plannedFirstDeviceAt) < 120)
    f.push({
      code: "R12_FOOD",
      rule: "R12",
      strength: "SOFT",
      message: `Food less than 2 hours before dosing (nausea and vomiting risk); 2 hours is reached at ${formatTime(addMinutes(c.lastFoodAt, 120), timeZone)}.`,
      availableAt: addMinutes(c.lastFoodAt, 120),
    });
  if (c?.lastLiquidAt && minutesBetween(c.lastLiquidAt, plannedFirstDeviceAt) < 30)
    f.push({
      code: "R12_LIQUID",
      rule: "R12",
      strength: "SOFT",
      message: `Liquid less than 30 minutes before dosing; 30 minutes is reached at ${formatTime(addMinutes(c.lastLiquidAt, 30), timeZone)}.`,
      availableAt: addMinutes(c.lastLiquidAt, 30),
    });
  if (c?.nasalMedicationAt && minutesBetween(c.nasalMedicationAt, plannedFirstDeviceAt) < 60)
    f.push({
      code: "R12_NASAL_MED",
      rule: "R12",
      strength: "SOFT",
      message: `Nasal corticosteroid or decongestant less than 1 hour before: the earliest compliant first device is ${formatTime(addMinutes(c.nasalMedicationAt, 60), timeZone)}.`,
      availableAt: addMinutes(c.nasalMedicationAt, 60),
    });
  return f;
}

/** The latest live pre-dose reading with a blood pressure taken before `before`. */
export function latestPreDoseBp(vitals: Vital[], before: Date): Vital | null {
  const pre = byTime(live(vitals)).filter((v) => v.kind === "PRE_DOSE" && v.systolic != null && v.diastolic != null && v.takenAt.getTime() < before.getTime());
  return pre.at(-1) ?? null;
}

/** R13, R14, R15 and baseline SpO2 (R27) before the first device at `at`. */
export function preDoseVitalsChecks(vitals: Vital[], site: SiteFacts, params: RemsParameters, decisions: GateDecisionFact[], at: Date): Finding[] {
  const bp = latestPreDoseBp(vitals, at);
  if (!bp) return [{ code: "R13_NO_PRE_DOSE_BP", rule: "R13", strength: "HARD", message: "Take the pre-dose blood pressure before the first device." }];
  const f: Finding[] = [];
  if (params.pulseOximetryRequired && !live(vitals).some((v) => v.kind === "PRE_DOSE" && v.spo2 != null && v.takenAt.getTime() < at.getTime()))
    f.push({ code: "R27_NO_BASELINE_SPO2", rule: "R27", strength: "HARD", message: "Record the baseline SpO₂ before the first device." });
  const elevated = gate(
    decisions,
    "R14",
    bpAbove(bp, params.preDoseBpGateSystolic, params.preDoseBpGateDiastolic),
    `pre-dose blood pressure ${bp.systolic}/${bp.diastolic} is above ${params.preDoseBpGateSystolic}/${params.preDoseBpGateDiastolic}.`,
    bp.takenAt,
  );
  if (elevated) f.push(elevated);
  const { preDoseCeilingSystolic: cs, preDoseCeilingDiastolic: cd } = site;
  if ((cs != null || cd != null) && bpAbove(bp, cs ?? Infinity, cd ?? Infinity))
    f.push({
      code: "R15_ABOVE_CEILING",
      rule: "R15",
      strength: "HARD",
      message: `Pre-dose blood pressure ${bp.systolic}/${bp.diastolic} is above this clinic's dosing ceiling (${cs ?? "–"}/${cd ?? "–"}): repeat the reading.`,
    });
  return f;
}

/** R16: medication answers confirmed this session; informational cautions for what they say. */
export function conmedChecks(c: ChecklistFacts | null): Finding[] {
  if (!c?.conmedConfirmedAt)
    return [
      {
        code: "R16_CONMED_UNCONFIRMED",
        rule: "R16",
        strength: "HARD",
        message: "Confirm today's concomitant-medication answers (they are pre-filled from the last session, never copied silently).",
        field: "conmedConfirmed",
      },
    ];
  const f: Finding[] = [];
  if (c.conmedPsychostimulants || c.conmedMaois)
    f.push({
      code: "R16_BP_CAUTION",
      rule: "R16",
      strength: "SOFT",
      message: "Psychostimulant or MAOI today: blood pressure may rise further. Watch the 40-minute reading.",
    });
  if (c.conmedBenzodiazepines || c.conmedSedativeHypnotics || c.conmedOpioids)
    f.push({
      code: "R16_SEDATION_CAUTION",
      rule: "R16",
      strength: "SOFT",
      message: "CNS depressant today (benzodiazepine, sedative hypnotic or opioid): sedation and respiratory depression risk is higher.",
    });
  return f;
}
