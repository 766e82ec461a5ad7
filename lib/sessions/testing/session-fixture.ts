// Builds a complete, rule-satisfying SessionFacts so each test changes exactly one fact.
import type { RemsParameters } from "@/lib/rems/parameters";
import { addMinutes } from "@/lib/rems/rule-result";
import type { DeviceGiven, SessionFacts, Vital } from "../facts";
import { siteDay } from "@/lib/time/days";

export const PARAMS: RemsParameters = {
  effectiveFrom: new Date("2019-03-05T00:00:00Z"),
  minObservationMinutes: 120,
  pmfRequired: true,
  pmfDueDays: 7,
  pmfFormVersion: "current-2024",
  enrollmentGateEnabled: true,
  pulseOximetryRequired: true,
  deviceSpacingMinutes: 5,
  fortyMinuteTargetMinutes: 40,
  fortyMinuteWindowStart: 30,
  fortyMinuteWindowEnd: 50,
  preDoseBpGateSystolic: 140,
  preDoseBpGateDiastolic: 90,
  preCompletionBpWindowMinutes: 15,
};

let n = 0;
export const vital = (
  takenAt: Date,
  kind: Vital["kind"],
  systolic: number | null,
  diastolic: number | null,
  spo2: number | null = 98,
  extra: Partial<Vital> = {},
): Vital => ({
  id: `v${++n}`,
  takenAt,
  kind,
  systolic,
  diastolic,
  heartRate: 78,
  spo2,
  enteredInError: false,
  ...extra,
});
export const device = (sequence: number, administeredAt: Date, extra: Partial<DeviceGiven> = {}): DeviceGiven => ({
  id: `d${++n}`,
  sequence,
  administeredAt,
  lotNumber: "24A118",
  lotExpiresOn: "2027-06-30",
  enteredInError: false,
  ...extra,
});

/** A 56 mg outpatient session at a New York site with T0 at `t0`, monitored well, ready at T0+120. */
export function readySession(t0: Date, over: Partial<SessionFacts> = {}): SessionFacts {
  const tz = "America/New_York";
  return {
    params: PARAMS,
    site: {
      settingType: "OUTPATIENT",
      certificationStatus: "ACTIVE",
      pulseOximeterAttested: true,
      timeZone: tz,
      postDoseAlertSystolic: 180,
      postDoseAlertDiastolic: 110,
      urgentSystolic: 200,
      urgentDiastolic: 120,
      spo2AlertThreshold: 93,
      preDoseCeilingSystolic: null,
      preDoseCeilingDiastolic: null,
      observationAnchor: "FIRST_DEVICE",
      recertificationBlocksDosing: false,
    },
    patient: {
      indication: "TRD",
      enrollment: {
        patientSignedAt: new Date("2026-01-05T15:00:00Z"),
        prescriberSignedAt: new Date("2026-01-05T15:10:00Z"),
        submittedAt: new Date("2026-01-05T16:00:00Z"),
        channel: "ONLINE",
        remsConfirmation: "ENR-100001",
      },
      counselledAt: new Date("2026-01-05T15:00:00Z"),
      contraindications: [],
      cautions: [],
      medicationClasses: ["ORAL_ANTIDEPRESSANT"],
      priorDosedSessions: [],
    },
    status: "MONITORING",
    treatmentDate: siteDay(t0, tz),
    plannedDoseMg: 56,
    otherDoseReason: null,
    prescriberOnSite: true,
    checklist: {
      rideType: "DRIVER",
      driverName: "Jamie Rivera",
      driverPhone: "518-555-0100",
      lastFoodAt: addMinutes(t0, -180),
      lastLiquidAt: addMinutes(t0, -60),
      nasalMedicationAt: null,
      conmedConfirmedAt: addMinutes(t0, -20),
      conmedBenzodiazepines: false,
      conmedSedativeHypnotics: false,
      conmedPsychostimulants: false,
      conmedMaois: false,
      conmedOpioids: false,
      pregnancyStatus: "NOT_APPLICABLE",
    },
    devices: [device(1, t0), device(2, addMinutes(t0, 5))],
    vitals: [
      vital(addMinutes(t0, -10), "PRE_DOSE", 128, 80, 98),
      vital(addMinutes(t0, 40), "EXTRA", 146, 88, 97),
      vital(addMinutes(t0, 90), "EXTRA", 134, 82, 98),
      vital(addMinutes(t0, 115), "PRE_COMPLETION", 126, 80, 98),
    ],
    sedation: [
      { id: "s1", takenAt: addMinutes(t0, 40), moaas: 4, enteredInError: false },
      { id: "s2", takenAt: addMinutes(t0, 115), moaas: 5, enteredInError: false },
    ],
    dissociation: [
      { id: "x1", takenAt: addMinutes(t0, 40), present: true, enteredInError: false },
      { id: "x2", takenAt: addMinutes(t0, 115), present: false, enteredInError: false },
    ],
    decisions: [],
    openRespiratoryDepression: false,
    ...over,
  };
}

export const goodAttestation = {
  rideConfirmed: true,
  clinicallyStable: true,
  noDrivingReminder: true,
  vitalsAcceptablePreCompletion: true,
  readyToLeaveMinutes: 90,
};
