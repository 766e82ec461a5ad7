// Inputs of the chair-side session, one zod schema each, shared by the forms and the route handlers.
// zod says what is possible; whether a possible value is dangerous is a rule (observation-rules.ts).
import { z } from "zod";
import { instant as instantField, number, optionalInstant, optionalWholeNumber, text, wholeNumber } from "@/lib/http/fields";

const int = wholeNumber;
const optionalInt = optionalWholeNumber;
/** An instant with its offset; omitted means "now" by the server's clock. (R49 bounds are the commands'.) */
const instant = optionalInstant({ notFuture: false, earliest: null });
const requiredInstant = instantField({ notFuture: false, earliest: null });
/** A required choice: the same message whether the value is missing or empty. */
const required = (message: string) => text(message).min(1, message);

/** R49: why an entry is made more than the site's late-entry threshold after its clinical time. */
export const lateReason = text().trim().max(500, "Keep the reason under 500 characters").optional();

export const checkInSchema = z
  .object({
    patientId: required("Choose the patient"),
    chairId: required("Choose a chair"),
    prescriberOnSiteId: required("Choose the prescriber on site"),
    monitoringHcpId: required("Choose the monitoring nurse"),
    indication: z.enum(["TRD", "MDSI"], { message: "Choose the indication" }),
    /** R49 downtime back-entry: a past session documented after the fact, with its real check-in time and why. */
    backEntry: z.boolean().default(false),
    checkedInAt: instant,
    backEntryReason: text().trim().max(500, "Keep the reason under 500 characters").optional(),
    /** Checked in from a booked appointment (lib/scheduling): the session is linked to it and it becomes CHECKED_IN. */
    appointmentId: text().trim().max(40).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.backEntry) return;
    if (!v.checkedInAt) ctx.addIssue({ code: "custom", path: ["checkedInAt"], message: "Enter when the patient was checked in" });
    if ((v.backEntryReason ?? "").length < 5)
      ctx.addIssue({ code: "custom", path: ["backEntryReason"], message: "Say why this session is entered after the fact (at least 5 characters)" });
  });
export type CheckInInput = z.input<typeof checkInSchema>;

const yesNo = z.boolean({ message: "Answer yes or no" });

export const checklistSchema = z
  .object({
    version: z.number().int(),
    rideType: z.enum(["DRIVER", "RIDESHARE", "NONE"], { message: "Choose how the patient gets home" }),
    driverName: text().trim().max(120).optional().default(""),
    driverPhone: text().trim().max(40).optional().default(""),
    lastFoodAt: requiredInstant,
    lastLiquidAt: requiredInstant,
    nasalMedicationAt: instant,
    conmedBenzodiazepines: yesNo,
    conmedSedativeHypnotics: yesNo,
    conmedPsychostimulants: yesNo,
    conmedMaois: yesNo,
    conmedOpioids: yesNo,
    conmedConfirmed: z.literal(true, { message: "Confirm today's medication answers with the patient" }),
    pregnancyStatus: z.enum(["NOT_APPLICABLE", "NOT_PREGNANT", "PREGNANT", "UNKNOWN"], { message: "Answer the pregnancy question" }),
    enrollmentVerified: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.rideType === "DRIVER") {
      if (!v.driverName) ctx.addIssue({ code: "custom", path: ["driverName"], message: "Enter the driver's name" });
      if (!/^[+()\d\s.-]{7,}$/.test(v.driverPhone)) ctx.addIssue({ code: "custom", path: ["driverPhone"], message: "Enter the driver's phone number" });
    }
    const now = Date.now() + 60_000;
    for (const k of ["lastFoodAt", "lastLiquidAt", "nasalMedicationAt"] as const) {
      const t = v[k];
      if (t && t.getTime() > now) ctx.addIssue({ code: "custom", path: [k], message: "This time is in the future" });
    }
  });
export type ChecklistInput = z.input<typeof checklistSchema>;

export const vitalsSchema = z
  .object({
    kind: z.enum(["PRE_DOSE", "POST_40", "EXTRA", "PRE_COMPLETION"]).default("EXTRA"),
    takenAt: instant,
    lateReason,
    systolic: optionalInt("systolic", 40, 300),
    diastolic: optionalInt("diastolic", 20, 200),
    heartRate: optionalInt("heart rate", 20, 250),
    spo2: optionalInt("SpO₂", 50, 100),
    respiratoryRate: optionalInt("respiratory rate", 4, 60),
  })
  .superRefine((v, ctx) => {
    if ((v.systolic == null) !== (v.diastolic == null))
      ctx.addIssue({ code: "custom", path: [v.systolic == null ? "systolic" : "diastolic"], message: "Enter both systolic and diastolic" });
    if (v.systolic != null && v.diastolic != null && v.diastolic >= v.systolic)
      ctx.addIssue({ code: "custom", path: ["diastolic"], message: "Diastolic must be lower than systolic" });
    if (v.systolic == null && v.heartRate == null && v.spo2 == null && v.respiratoryRate == null)
      ctx.addIssue({ code: "custom", path: ["systolic"], message: "Enter at least one vital sign" });
    if (v.takenAt && v.takenAt.getTime() > Date.now() + 60_000) ctx.addIssue({ code: "custom", path: ["takenAt"], message: "This time is in the future" });
  });
export type VitalsInput = z.input<typeof vitalsSchema>;

export const doseSchema = z
  .object({
    version: z.number().int(),
    doseOption: z.enum(["56", "84", "OTHER"], { message: "Choose the dose" }),
    otherDoseMg: optionalInt("the dose in mg", 28, 280),
    otherDoseReason: text().trim().max(500).optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.doseOption !== "OTHER") return;
    if (v.otherDoseMg == null) ctx.addIssue({ code: "custom", path: ["otherDoseMg"], message: "Enter the dose in mg" });
    else if (v.otherDoseMg % 28 !== 0) ctx.addIssue({ code: "custom", path: ["otherDoseMg"], message: "The dose must be a multiple of 28 mg (one device)" });
    if (!v.otherDoseReason) ctx.addIssue({ code: "custom", path: ["otherDoseReason"], message: "Give the reason for this dose" });
  });
export type DoseInput = z.input<typeof doseSchema>;
export const doseMgOf = (v: z.output<typeof doseSchema>) => (v.doseOption === "OTHER" ? v.otherDoseMg! : Number(v.doseOption));

export const deviceSchema = z.object({
  deviceId: required("Choose the device (lot)"),
  administeredAt: instant,
  lateReason,
  /** Codes of the SOFT warnings the nurse read and proceeds despite (REMS.md: acknowledged, audited). */
  acknowledgedWarnings: z.array(text().max(60)).max(20).default([]),
});
export type DeviceInput = z.input<typeof deviceSchema>;

export const sedationSchema = z.object({ takenAt: instant, lateReason, moaas: int("MOAA/S", 0, 5) });
export type SedationInput = z.input<typeof sedationSchema>;

export const CADSS6_ITEMS = [1, 2, 6, 7, 15, 22];
export const dissociationSchema = z
  .object({
    takenAt: instant,
    lateReason,
    present: z.boolean({ message: "Answer whether dissociation is present" }),
    scale: z.enum(["NONE", "CADSS", "CADSS6"]).default("NONE"),
    itemScores: z.array(wholeNumber("item score", 0, 4)).default([]),
  })
  .superRefine((v, ctx) => {
    const expected = v.scale === "CADSS" ? 23 : v.scale === "CADSS6" ? 6 : 0;
    if (v.itemScores.length !== expected)
      ctx.addIssue({ code: "custom", path: ["itemScores"], message: expected ? `Score all ${expected} items` : "Item scores need a scale" });
  });
export type DissociationInput = z.input<typeof dissociationSchema>;

export const adverseEventSchema = z
  .object({
    type: z.enum(["SEDATION", "DISSOCIATION", "RESPIRATORY_DEPRESSION", "HYPERTENSION", "OTHER"], { message: "Choose the type" }),
    description: text().trim().min(3, "Describe what happened").max(2000),
    serious: z.boolean().default(false),
    onsetAt: instant,
    lateReason,
    resolvedAt: instant,
    interventions: z.array(text().trim().min(1).max(200)).max(20).default([]),
    outcome: text().trim().max(1000).optional(),
    spo2Nadir: optionalInt("lowest SpO₂", 30, 100),
  })
  .superRefine((v, ctx) => {
    // R49: an event ends after it began. (The server checks "not in the future" against its own clock.)
    if (v.onsetAt && v.resolvedAt && v.resolvedAt.getTime() < v.onsetAt.getTime())
      ctx.addIssue({ code: "custom", path: ["resolvedAt"], message: "The event cannot end before its onset" });
  });
export type AdverseEventInput = z.input<typeof adverseEventSchema>;

export const gateDecisionSchema = z.object({
  rule: z.enum(["R9", "R14", "R21", "R22", "R32", "R35", "R48"], { message: "Choose the GATE" }),
  decision: z.enum(["PROCEED", "DELAY"], { message: "Choose proceed or delay" }),
  reason: text().trim().min(5, "Give the clinical reason (at least 5 characters)").max(2000),
});
export type GateDecisionInput = z.input<typeof gateDecisionSchema>;

export const dischargeSchema = z.object({
  rideConfirmed: z.boolean().default(false),
  clinicallyStable: z.boolean().default(false),
  noDrivingReminder: z.boolean().default(false),
  vitalsAcceptablePreAdministration: z.boolean().nullable().default(null),
  vitalsAcceptablePreCompletion: z.boolean().nullable().default(null),
  readyToLeaveMinutes: z.preprocess((v) => (v === "" || v === undefined ? null : v), wholeNumber("minutes until ready to leave", 0, 24 * 60).nullable()),
  /** A back-entered session (R49) is discharged at the time the patient really left; a live one at the server's now. */
  dischargedAt: instant,
});
export type DischargeInput = z.input<typeof dischargeSchema>;

/** R35: "vital signs acceptable before completion?" recorded on its own, before discharge. */
export const preCompletionSchema = z.object({ vitalsAcceptable: z.boolean({ message: "Answer yes or no" }) });
export type PreCompletionInput = z.input<typeof preCompletionSchema>;

/** A protocol deviation a nurse or psychiatrist records on the session, with the reason. */
export const deviationSchema = z.object({
  description: text().trim().min(5, "Say what departed from the protocol (at least 5 characters)").max(500),
  reason: text().trim().min(5, "Give the reason (at least 5 characters)").max(2000),
});
export type DeviationInputForm = z.input<typeof deviationSchema>;

export const transferSchema = z.object({
  transferredAt: instant,
  lateReason,
  receivingService: text().trim().min(2, "Name the receiving service (EMS, ED)").max(200),
  reason: text().trim().min(3, "Give the reason").max(2000),
});
export type TransferInput = z.input<typeof transferSchema>;

export const enteredInErrorSchema = z.object({ reason: text().trim().min(3, "Say why this entry is wrong").max(500) });

/** R26: symptoms of a hypertensive crisis (REMS.md §4.3; the list is the label's examples). */
export const CRISIS_SYMPTOMS = {
  CHEST_PAIN: "Chest pain",
  SHORTNESS_OF_BREATH: "Shortness of breath",
  SEVERE_HEADACHE: "Sudden severe headache",
  VISUAL_CHANGE: "Change in vision",
  SEIZURE: "Seizure",
  REDUCED_CONSCIOUSNESS: "Reduced consciousness",
  FOCAL_DEFICIT: "Focal neurological deficit",
} as const;
export const crisisSchema = z.object({
  symptoms: z
    .array(z.enum(Object.keys(CRISIS_SYMPTOMS) as [keyof typeof CRISIS_SYMPTOMS, ...(keyof typeof CRISIS_SYMPTOMS)[]]))
    .min(1, "Tick at least one symptom"),
  notedAt: instant,
  lateReason,
});
export type CrisisInput = z.input<typeof crisisSchema>;

export const NOT_DOSED_REASONS = {
  PRESCRIBER_DELAYED: "Prescriber delayed the dose",
  NO_RIDE: "No ride home",
  PATIENT_DECLINED: "Patient declined",
  OTHER: "Other",
} as const;
/** Ending a session before the first device: it leaves the board, takes no device and has no PMF. */
export const notDosedSchema = z
  .object({
    reason: z.enum(["PRESCRIBER_DELAYED", "NO_RIDE", "PATIENT_DECLINED", "OTHER"], { message: "Choose why the patient was not dosed" }),
    note: text().trim().max(1000).optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.reason === "OTHER" && v.note.length < 3) ctx.addIssue({ code: "custom", path: ["note"], message: "Say why the patient was not dosed" });
  });
export type NotDosedInput = z.input<typeof notDosedSchema>;

/** A prescriber corrects the dose after devices were recorded (e.g. 84 mg recorded, 56 mg given). */
export const doseCorrectionSchema = z.object({
  doseMg: number("Choose the dose").refine((v) => v === 28 || v === 56 || v === 84, "Choose 28, 56 or 84 mg"),
  reason: text().trim().min(5, "Give the reason for the correction (at least 5 characters)").max(2000),
});
export type DoseCorrectionInput = z.input<typeof doseCorrectionSchema>;

/** An existing post-dose reading designated as the 40-minute BP; outside 30–50 minutes it needs a reason. */
export const designateFortySchema = z.object({
  vitalId: required("Choose the reading"),
  reason: text().trim().max(2000).optional().default(""),
});
export type DesignateFortyInput = z.input<typeof designateFortySchema>;

/** Later facts about an adverse event: interventions added, or classified serious (R41), with who and why. */
export const adverseEventUpdateSchema = z
  .object({
    addInterventions: z.array(text().trim().min(2, "Describe the intervention").max(200)).max(20).default([]),
    serious: z.literal(true).optional(),
    reason: text().trim().min(3, "Give the reason").max(2000),
  })
  .refine((v) => v.addInterventions.length > 0 || v.serious, { message: "Add an intervention or classify the event as serious", path: ["addInterventions"] });
export type AdverseEventUpdateInput = z.input<typeof adverseEventUpdateSchema>;
