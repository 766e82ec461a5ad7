// R30–R35: may this session be discharged now, and if not, why — every unmet criterion at once.
import { addMinutes, decide, minutesBetween, wholeMinutes, type Decision, type Finding } from "@/lib/rems/rule-result";
import { byTime, firstDeviceAt, live, observationStart, type SessionFacts, type Vital } from "./facts";
import { gate } from "./gates";
import { allDevicesGiven, devicesForDose } from "./device-rules";
import { fortyMinuteReading } from "./observation-rules";
import { bpAbove } from "./predose-rules";
import { hepaticDischargeNotice } from "./hepatic-rules";

/** What the discharging nurse attests on the discharge screen. */
export type DischargeAttestation = {
  rideConfirmed: boolean;
  clinicallyStable: boolean;
  noDrivingReminder: boolean;
  vitalsAcceptablePreCompletion: boolean | null;
  readyToLeaveMinutes: number | null;
};

/** R32: "decreasing" = systolic and diastolic both ≤ the 40-minute values and at least one strictly lower. */
export function bpDecreasing(latest: Vital, forty: Vital): boolean {
  const s = latest.systolic!,
    d = latest.diastolic!,
    s40 = forty.systolic!,
    d40 = forty.diastolic!;
  return s <= s40 && d <= d40 && (s < s40 || d < d40);
}

/**
 * R35 (PMF row 22): "vital signs acceptable before completion?" is a recorded answer (the latest counts).
 * "No" is a GATE from the moment it was answered; an answer typed on the discharge screen that differs
 * from the recorded one counts as given now (the server records it before judging). No answer at all
 * is a HARD finding, listed only when the nurse attests (the discharge form).
 */
export function preCompletionGate(facts: SessionFacts, now: Date, typed: boolean | null): Finding | null {
  const recorded = facts.preCompletion ?? null;
  const answer = typed ?? recorded?.vitalsAcceptable ?? null;
  if (answer == null)
    return {
      code: "R35_VITALS_ATTESTATION",
      rule: "R35",
      strength: "HARD",
      message: "Answer whether vital signs were acceptable before completion.",
      field: "vitalsAcceptablePreCompletion",
    };
  const since = typed != null && typed !== recorded?.vitalsAcceptable ? now : recorded!.assessedAt;
  return gate(facts.decisions, "R35", answer === false, "vital signs were not acceptable before completion.", since);
}

export function dischargeReadiness(
  facts: SessionFacts,
  now: Date,
  attest?: DischargeAttestation,
): Decision & { t0: Date | null; availableAt: Date | null; totalMinutes: number | null } {
  const f: Finding[] = [];
  const t0 = firstDeviceAt(facts.devices);
  const start = observationStart(facts.devices, facts.site.observationAnchor);
  if (!t0 || !start) {
    f.push({
      code: "R30_NO_DEVICE",
      rule: "R30",
      strength: "HARD",
      message: "No device has been given: a session without a dose is cancelled, not discharged.",
    });
    return { ...decide(f), t0: null, availableAt: null, totalMinutes: null };
  }
  const p = facts.params;
  const availableAt = addMinutes(start, p.minObservationMinutes);

  if (!allDevicesGiven(facts) && facts.plannedDoseMg != null)
    f.push({
      code: "R18_DEVICES_INCOMPLETE",
      rule: "R18",
      strength: "HARD",
      message: `${live(facts.devices).length} of ${devicesForDose(facts.plannedDoseMg)} devices recorded.`,
    });
  if (now.getTime() < availableAt.getTime())
    f.push({
      code: "R30_MIN_OBSERVATION",
      rule: "R30",
      strength: "HARD",
      message: `Monitoring must last at least ${p.minObservationMinutes} minutes after the ${facts.site.observationAnchor === "LAST_DEVICE" ? "last" : "first"} device.`,
      availableAt,
    });

  const forty = fortyMinuteReading(facts.vitals, t0, p, now);
  if (forty.state !== "recorded")
    f.push({
      code: "R25_NO_FORTY_MINUTE_BP",
      rule: "R25",
      strength: "HARD",
      message: "Record the 40-minute blood pressure (a reading outside 30–50 minutes is kept as a protocol deviation).",
    });

  const postDose = (v: { takenAt: Date }) => v.takenAt.getTime() >= t0.getTime();
  const sedation = byTime(live(facts.sedation)).filter(postDose);
  const lastSedation = sedation.at(-1);
  if (!lastSedation) f.push({ code: "R28_NO_MOAAS", rule: "R28", strength: "HARD", message: "Assess sedation (MOAA/S) before discharge." });
  else if (lastSedation.moaas !== 5)
    f.push({
      code: "R31_SEDATION_NOT_RESOLVED",
      rule: "R31",
      strength: "HARD",
      message: `Latest MOAA/S is ${lastSedation.moaas}: sedation must have resolved (MOAA/S 5).`,
    });

  const lastDissociation = byTime(live(facts.dissociation)).filter(postDose).at(-1);
  if (!lastDissociation) f.push({ code: "R29_NO_DISSOCIATION_CHECK", rule: "R29", strength: "HARD", message: "Check for dissociation before discharge." });
  else if (lastDissociation.present)
    f.push({ code: "R31_DISSOCIATION_NOT_RESOLVED", rule: "R31", strength: "HARD", message: "Dissociation is still present at the latest check." });

  if (facts.openRespiratoryDepression)
    f.push({
      code: "R31_RESPIRATORY_DEPRESSION_OPEN",
      rule: "R31",
      strength: "HARD",
      message: "A respiratory-depression event is still open: record its resolution first.",
    });
  const spo2s = byTime(live(facts.vitals)).filter((v) => v.spo2 != null);
  const baseline = spo2s.filter((v) => v.kind === "PRE_DOSE").at(-1)?.spo2 ?? null;
  const lastSpo2 = spo2s.filter(postDose).at(-1);
  const floor = baseline != null && baseline < facts.site.spo2AlertThreshold ? baseline : facts.site.spo2AlertThreshold;
  if (!lastSpo2) f.push({ code: "R27_NO_SPO2", rule: "R27", strength: "HARD", message: "Record SpO₂ at the pre-discharge assessment." });
  else if (lastSpo2.spo2! < floor)
    f.push({ code: "R31_SPO2_LOW", rule: "R31", strength: "HARD", message: `Latest SpO₂ ${lastSpo2.spo2}% is below ${floor}%.` });

  const windowMin = p.preCompletionBpWindowMinutes;
  // The pre-discharge reading is a later one than the 40-minute reading: that reading cannot stand for both.
  const fortyId = forty.state === "recorded" ? forty.reading.id : null;
  const preCompletion = byTime(live(facts.vitals))
    .filter(
      (v) =>
        postDose(v) &&
        v.id !== fortyId &&
        v.systolic != null &&
        v.diastolic != null &&
        minutesBetween(v.takenAt, now) <= windowMin &&
        v.takenAt.getTime() <= now.getTime(),
    )
    .at(-1);
  if (!preCompletion)
    f.push({
      code: "R31_NO_PRE_COMPLETION_BP",
      rule: "R31",
      strength: "HARD",
      message: `Take a pre-discharge blood pressure (within ${windowMin} minutes before discharge).`,
    });
  else if (forty.state === "recorded") {
    const high = bpAbove(preCompletion, p.preDoseBpGateSystolic, p.preDoseBpGateDiastolic) && !bpDecreasing(preCompletion, forty.reading);
    const g = gate(
      facts.decisions,
      "R32",
      high,
      `pre-discharge blood pressure ${preCompletion.systolic}/${preCompletion.diastolic} is above ${p.preDoseBpGateSystolic}/${p.preDoseBpGateDiastolic} and not decreasing since the 40-minute reading.`,
      preCompletion.takenAt,
    );
    if (g) f.push(g);
  }

  const totalMinutes = wholeMinutes(t0, now);
  if (attest) {
    if (!attest.rideConfirmed)
      f.push({ code: "R31_RIDE", rule: "R31", strength: "HARD", message: "Confirm the ride home is here or the escort is arranged.", field: "rideConfirmed" });
    if (!attest.clinicallyStable)
      f.push({
        code: "R31_STABLE",
        rule: "R31",
        strength: "HARD",
        message: "Confirm you judge the patient clinically stable and ready to leave.",
        field: "clinicallyStable",
      });
    if (!attest.noDrivingReminder)
      f.push({
        code: "R31_NO_DRIVING",
        rule: "R31",
        strength: "SOFT",
        message: "Remind the patient: no driving until the next day after a restful sleep.",
        field: "noDrivingReminder",
      });
    if (facts.site.settingType === "OUTPATIENT") {
      const r = attest.readyToLeaveMinutes;
      if (r == null || !Number.isInteger(r) || r < 0 || r > totalMinutes)
        f.push({
          code: "R34_READY_TO_LEAVE",
          rule: "R34",
          strength: "HARD",
          message: `Enter when the patient would have been ready to leave without the 2-hour minimum: whole minutes from 0 to ${totalMinutes}.`,
          field: "readyToLeaveMinutes",
        });
    }
  }
  const hepatic = hepaticDischargeNotice(facts.patient.hepaticImpairment);
  if (hepatic) f.push(hepatic);
  const r35 = preCompletionGate(facts, now, attest?.vitalsAcceptablePreCompletion ?? null);
  if (r35 && (attest || r35.code !== "R35_VITALS_ATTESTATION")) f.push(r35);
  return { ...decide(f), t0, availableAt, totalMinutes };
}
