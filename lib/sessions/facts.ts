import type { EnrollmentFacts } from "@/lib/patients/enrollment-rules";
// The facts the session rules read: a plain snapshot built by lib/sessions/data.ts from the database
// (or by a test by hand). No Prisma types here, so the rules stay pure and importable anywhere.
import type { RemsParameters } from "@/lib/rems/parameters";

export type VitalKind = "PRE_DOSE" | "POST_40" | "EXTRA" | "PRE_COMPLETION";

export type SiteFacts = {
  settingType: "OUTPATIENT" | "INPATIENT";
  certificationStatus: "PENDING" | "ACTIVE" | "RECERTIFICATION_REQUIRED" | "SUSPENDED";
  pulseOximeterAttested: boolean;
  timeZone: string;
  postDoseAlertSystolic: number;
  postDoseAlertDiastolic: number;
  urgentSystolic: number;
  urgentDiastolic: number;
  spo2AlertThreshold: number;
  preDoseCeilingSystolic: number | null;
  preDoseCeilingDiastolic: number | null;
  observationAnchor: "FIRST_DEVICE" | "LAST_DEVICE";
  /** R2: the clinic chose to block dosing while re-certification is required. */
  recertificationBlocksDosing: boolean;
  /** A deactivated site keeps its history and starts no new sessions. */
  deactivated?: boolean;
};

export type Vital = {
  id: string;
  takenAt: Date;
  kind: VitalKind;
  systolic: number | null;
  diastolic: number | null;
  heartRate: number | null;
  spo2: number | null;
  enteredInError: boolean;
};

export type DeviceGiven = { id: string; sequence: number; administeredAt: Date; lotNumber: string; lotExpiresOn: string; enteredInError: boolean };
export type SedationScore = { id: string; takenAt: Date; moaas: number; enteredInError: boolean };
export type DissociationCheck = { id: string; takenAt: Date; present: boolean; enteredInError: boolean };
export type GateDecisionFact = { rule: string; decision: "PROCEED" | "DELAY"; decidedAt: Date };

export type PatientFacts = {
  indication: "TRD" | "MDSI" | null;
  /** The current enrollment (the row no re-enrollment or correction has replaced). */
  enrollment: EnrollmentFacts | null;
  /** R7: when counselling had covered every required topic (lib/patients/enrollment-rules counsellingCompleteAt). */
  counselledAt: Date | null;
  contraindications: string[];
  cautions: { kind: string; recordedAt: Date }[];
  /** Classes of the medications in force on the session date (DrugClass values). */
  medicationClasses: string[];
  /** The medications in force on the session date (absent in older fixtures: read as none). */
  medications?: { name: string; drugClass: string }[];
  /** R48, recorded by a prescriber (absent: none known). */
  hepaticImpairment?: "NONE" | "MODERATE" | "SEVERE";
  /**
   * Earlier sessions in which at least one device was given, oldest first: what the rules read of a course (R7, R9,
   * R21–R24, the PMF's first treatment), which is its first session, its first MDSI one, the last one, and every one
   * of the 7 days up to this session's date. lib/sessions/data reads only those, so a rule that needs more of the
   * course must widen that read.
   */
  priorDosedSessions: { treatmentDate: string; t0: Date; doseMg: number; indication: "TRD" | "MDSI" | null }[];
};

export type ChecklistFacts = {
  rideType: "DRIVER" | "RIDESHARE" | "NONE" | null;
  driverName: string | null;
  driverPhone: string | null;
  lastFoodAt: Date | null;
  lastLiquidAt: Date | null;
  nasalMedicationAt: Date | null;
  conmedConfirmedAt: Date | null;
  conmedBenzodiazepines: boolean | null;
  conmedSedativeHypnotics: boolean | null;
  conmedPsychostimulants: boolean | null;
  conmedMaois: boolean | null;
  conmedOpioids: boolean | null;
  /** Today's answer to the pregnancy question (R9: "pregnant" needs a prescriber's decision). */
  pregnancyStatus: "NOT_APPLICABLE" | "NOT_PREGNANT" | "PREGNANT" | "UNKNOWN" | null;
};

export type SessionFacts = {
  params: RemsParameters;
  site: SiteFacts;
  patient: PatientFacts;
  status: string;
  /** Site-local calendar date of the session (YYYY-MM-DD). */
  treatmentDate: string;
  plannedDoseMg: number | null;
  otherDoseReason: string | null;
  prescriberOnSite: boolean;
  checklist: ChecklistFacts | null;
  devices: DeviceGiven[];
  vitals: Vital[];
  sedation: SedationScore[];
  dissociation: DissociationCheck[];
  decisions: GateDecisionFact[];
  openRespiratoryDepression: boolean;
  /** R35: the latest recorded answer to "vital signs acceptable before completion?" (none yet: null). */
  preCompletion?: PreCompletionAnswer | null;
};

export type PreCompletionAnswer = { vitalsAcceptable: boolean; assessedAt: Date };

/** Records marked entered-in-error stay in the record but never count. */
export const live = <T extends { enteredInError: boolean }>(xs: T[]): T[] => xs.filter((x) => !x.enteredInError);

export const byTime = <T extends { takenAt: Date }>(xs: T[]): T[] => [...xs].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());

/** T0: the first device given (entered-in-error devices do not count). */
export function firstDeviceAt(devices: DeviceGiven[]): Date | null {
  const d = live(devices);
  return d.length ? new Date(Math.min(...d.map((x) => x.administeredAt.getTime()))) : null;
}

/** The instant the observation clock runs from: T0, or the last device where the clinic chose that (REMS.md §7.1). */
export function observationStart(devices: DeviceGiven[], anchor: SiteFacts["observationAnchor"]): Date | null {
  const d = live(devices);
  if (!d.length) return null;
  const times = d.map((x) => x.administeredAt.getTime());
  return new Date(anchor === "LAST_DEVICE" ? Math.max(...times) : Math.min(...times));
}
