// R17–R24: dose, devices and schedule — and the one question "may this device be recorded now?".
import { addMinutes, decide, minutesBetween, type Decision, type Finding } from "@/lib/rems/rule-result";
import { lotExpired } from "@/lib/inventory/rules";
import { firstDeviceAt, live, type SessionFacts } from "./facts";
import { gate } from "./gates";
import { dateOnlyValue, daysBetween, siteDay } from "@/lib/time/days";
import { conmedChecks, fastingChecks, preDoseVitalsChecks, rideCheck } from "./predose-rules";
import { patientMayBeDosed, siteMayTreat } from "./eligibility-rules";

export const DEVICE_MG = 28;

/** R17: 56, 84, or another positive multiple of 28 mg with a reason. */
export function doseCheck(doseMg: number | null, otherReason: string | null): Finding[] {
  if (doseMg == null) return [{ code: "R17_NO_DOSE", rule: "R17", strength: "HARD", message: "Choose the dose before recording devices.", field: "doseMg" }];
  if (!Number.isInteger(doseMg) || doseMg <= 0 || doseMg % DEVICE_MG !== 0)
    return [
      {
        code: "R17_NOT_MULTIPLE",
        rule: "R17",
        strength: "HARD",
        message: "The dose must be a positive multiple of 28 mg (one device is 28 mg).",
        field: "doseMg",
      },
    ];
  if (doseMg !== 56 && doseMg !== 84 && !otherReason?.trim())
    return [{ code: "R17_OTHER_NO_REASON", rule: "R17", strength: "HARD", message: `A dose of ${doseMg} mg needs a reason.`, field: "otherDoseReason" }];
  return [];
}

/** R18: number of devices for a dose. */
export const devicesForDose = (doseMg: number) => doseMg / DEVICE_MG;

/** R21–R24: first dose, MDSI duration, one session a day, frequency. */
export function scheduleChecks(facts: SessionFacts): Finding[] {
  const { patient, plannedDoseMg: dose, treatmentDate } = facts;
  const f: Finding[] = [];
  const prior = patient.priorDosedSessions;
  const indication = patient.indication;
  if (indication === "TRD" && dose != null) {
    const g = gate(facts.decisions, "R21", prior.length === 0 && dose !== 56, `the first TRD session is normally 56 mg; ${dose} mg was chosen.`);
    if (g) f.push(g);
    const last = prior.at(-1);
    if (last && Math.abs(dose - last.doseMg) > DEVICE_MG)
      f.push({
        code: "R21_DOSE_STEP",
        rule: "R21",
        strength: "SOFT",
        message: `The dose changes from ${last.doseMg} mg to ${dose} mg: more than one 28 mg step.`,
      });
  }
  if (indication === "MDSI") {
    const firstMdsi = prior.find((s) => s.indication === "MDSI");
    const g = gate(
      facts.decisions,
      "R22",
      !!firstMdsi && daysBetween(firstMdsi.treatmentDate, treatmentDate) > 28,
      "more than 28 days since the first MDSI session: use beyond 4 weeks has not been systematically evaluated.",
    );
    if (g) f.push(g);
  }
  if (prior.some((s) => s.treatmentDate === treatmentDate))
    f.push({ code: "R23_SECOND_TODAY", rule: "R23", strength: "HARD", message: "This patient already had a dosing session today: only one a calendar day." });
  const inLastWeek =
    prior.filter((s) => {
      const d = daysBetween(s.treatmentDate, treatmentDate);
      return d >= 0 && d < 7;
    }).length + 1;
  if (inLastWeek > 2)
    f.push({
      code: "R24_FREQUENCY",
      rule: "R24",
      strength: "SOFT",
      message: `${inLastWeek} sessions within 7 days: more than the twice-weekly induction schedule.`,
    });
  else if (indication === "TRD" && prior.length) {
    const week = Math.floor(daysBetween(prior[0].treatmentDate, treatmentDate) / 7) + 1;
    if (week >= 5 && week <= 8 && inLastWeek > 1)
      f.push({
        code: "R24_FREQUENCY",
        rule: "R24",
        strength: "SOFT",
        message: `Week ${week} of TRD treatment is weekly maintenance; this is the second session within 7 days.`,
      });
  }
  return f;
}

export type DeviceCandidate = { administeredAt: Date; lotNumber: string; lotExpiresOn: string };

/**
 * May this device be recorded at `candidate.administeredAt`, judged at server time `now`?
 * The first device carries every pre-dose rule; later ones the spacing and count rules.
 */
export function deviceReadiness(facts: SessionFacts, candidate: DeviceCandidate, now: Date): Decision {
  const f: Finding[] = [];
  const at = candidate.administeredAt;
  const given = live(facts.devices).sort((a, b) => a.administeredAt.getTime() - b.administeredAt.getTime());
  const isFirst = given.length === 0;
  const tz = facts.site.timeZone;

  f.push(...doseCheck(facts.plannedDoseMg, facts.otherDoseReason));
  if (facts.plannedDoseMg != null && facts.plannedDoseMg % DEVICE_MG === 0 && given.length >= devicesForDose(facts.plannedDoseMg))
    f.push({
      code: "R18_TOO_MANY_DEVICES",
      rule: "R18",
      strength: "HARD",
      message: `${facts.plannedDoseMg} mg is ${devicesForDose(facts.plannedDoseMg)} devices, and all of them are recorded.`,
    });

  if (at.getTime() > now.getTime())
    f.push({ code: "R20_FUTURE", rule: "R20", strength: "HARD", message: "A device time cannot be in the future.", field: "administeredAt" });
  if (lotExpired(candidate.lotExpiresOn, siteDay(at, tz)))
    f.push({
      code: "R20_LOT_EXPIRED",
      rule: "R20",
      strength: "HARD",
      message: `Lot ${candidate.lotNumber} expired on ${candidate.lotExpiresOn}: it cannot be used.`,
      field: "deviceId",
    });

  const previous = given.at(-1);
  if (previous) {
    if (at.getTime() <= previous.administeredAt.getTime())
      f.push({
        code: "R20_NOT_MONOTONIC",
        rule: "R20",
        strength: "HARD",
        message: "Each device must be given after the previous one.",
        field: "administeredAt",
      });
    else if (minutesBetween(previous.administeredAt, at) < facts.params.deviceSpacingMinutes) {
      const availableAt = addMinutes(previous.administeredAt, facts.params.deviceSpacingMinutes);
      f.push({
        code: "R19_DEVICE_SPACING",
        rule: "R19",
        strength: "HARD",
        message: `Wait ${facts.params.deviceSpacingMinutes} minutes after the previous device.`,
        availableAt,
        field: "administeredAt",
      });
    }
  }

  if (isFirst) {
    f.push(...siteMayTreat(facts.site, facts.params));
    if (!facts.prescriberOnSite)
      f.push({ code: "R4_NO_PRESCRIBER", rule: "R4", strength: "HARD", message: "Record the prescriber on site before the first device." });
    f.push(...patientMayBeDosed(facts.patient, facts.site, facts.params, facts.decisions, at, facts.checklist?.pregnancyStatus === "PREGNANT"));
    f.push(...rideCheck(facts.checklist), ...fastingChecks(facts.checklist, at, tz), ...conmedChecks(facts.checklist));
    f.push(...preDoseVitalsChecks(facts.vitals, facts.site, facts.params, facts.decisions, at));
    f.push(...scheduleChecks(facts));
  }
  return decide(f);
}

/** R18: all devices of the dose are recorded, so observation can start. */
export function allDevicesGiven(facts: SessionFacts): boolean {
  return facts.plannedDoseMg != null && live(facts.devices).length === devicesForDose(facts.plannedDoseMg);
}

/**
 * The session's step from its live devices: none given → still before dosing; some → dosing; all of the
 * dose → monitoring. Recomputed whenever a device is added, struck out (entered in error) or the dose corrected.
 */
export function dosingStatus(facts: SessionFacts): "CHECKED_IN" | "DOSING" | "MONITORING" {
  if (!live(facts.devices).length) return "CHECKED_IN";
  return allDevicesGiven(facts) ? "MONITORING" : "DOSING";
}

export { firstDeviceAt };

/**
 * R20: the earliest expiry date a lot may carry to be offered for dosing at `now` — today in the site's calendar
 * (a lot expiring on 4 Dec is still usable at 23:30 on 4 Dec in Los Angeles, though the UTC day is 5 Dec).
 */
export function earliestUsableExpiry(now: Date, timeZone: string): Date {
  return dateOnlyValue(siteDay(now, timeZone));
}
