// R6 (the Patient Enrollment Form) and R7 (counselling before the first dose). Isomorphic: the forms and
// the routes (and the patient import, for its enrollment columns) parse the same schemas.
import { z } from "zod";
import { optionalCalendarDay, readInstant, REMS_START, text } from "@/lib/http/fields";

/** A day of the enrollment form: a real calendar day under the REMS (from 2019); "not in the future" is the server's. */
const optionalDay = (message: string) => optionalCalendarDay(message, { min: REMS_START, tooEarly: "Check the date: before the SPRAVATO REMS began" });

/**
 * R7, REMS.md §5 and §1.3: what the patient is counselled on before the first dose. Defined once; the
 * counselling form lists them and the first-device check requires each of them.
 */
export const COUNSELLING_TOPICS = [
  "sedation",
  "dissociation",
  "respiratory_depression",
  "blood_pressure",
  "two_hour_monitoring",
  "ride_home",
  "no_driving",
] as const;
export const counsellingTopicSchema = z.enum(COUNSELLING_TOPICS);
export type CounsellingTopic = z.infer<typeof counsellingTopicSchema>;
export const COUNSELLING_TOPIC_LABELS: Record<CounsellingTopic, string> = {
  sedation: "Sedation",
  dissociation: "Dissociation",
  respiratory_depression: "Respiratory depression",
  blood_pressure: "Blood pressure increases",
  two_hour_monitoring: "Monitoring for at least 2 hours after every dose",
  ride_home: "Arranging a safe ride home",
  no_driving: "No driving or heavy machinery until the next day after a restful sleep",
};

export const SUBMISSION_CHANNELS = ["ONLINE", "FAX"] as const;

/**
 * The dates of the Patient Enrollment Form are days (as written on the form), checked in order here:
 * the form is submitted once both have signed, and never before either signature. "Not in the future"
 * is the server's check, on its own clock in the site's time zone.
 */
export const enrollmentFieldsSchema = z.object({
  prescriberId: text("Choose the prescriber").min(1, "Choose the prescriber"),
  patientSignedOn: optionalDay("Enter the date the patient signed"),
  prescriberSignedOn: optionalDay("Enter the date the prescriber signed"),
  submittedOn: optionalDay("Enter the date the form was submitted"),
  channel: z
    .enum(["", ...SUBMISSION_CHANNELS], { message: "Online or fax" })
    .optional()
    .default(""),
  remsConfirmation: text()
    .trim()
    .max(60, "At most 60 characters")
    .regex(/^[A-Za-z0-9 _./-]*$/, "Letters, digits and - _ . / only")
    .optional()
    .default(""),
});

type EnrollmentFields = z.output<typeof enrollmentFieldsSchema>;
type Issue = { path: keyof EnrollmentFields; message: string };

/** R6 form order: submission after both signatures; channel and confirmation belong to a submission. */
export function enrollmentOrderIssues(
  v: Pick<EnrollmentFields, "patientSignedOn" | "prescriberSignedOn" | "submittedOn" | "channel" | "remsConfirmation">,
): Issue[] {
  const issues: Issue[] = [];
  if (v.submittedOn) {
    if (!v.patientSignedOn)
      issues.push({ path: "patientSignedOn", message: "The form is submitted after the patient signs: enter the patient's signature date" });
    else if (v.submittedOn < v.patientSignedOn) issues.push({ path: "submittedOn", message: "Submitted before the patient signed: check the dates" });
    if (!v.prescriberSignedOn)
      issues.push({ path: "prescriberSignedOn", message: "The form is submitted after the prescriber signs: enter the prescriber's signature date" });
    else if (v.submittedOn < v.prescriberSignedOn) issues.push({ path: "submittedOn", message: "Submitted before the prescriber signed: check the dates" });
    if (!v.channel) issues.push({ path: "channel", message: "Say how the form was submitted: online or fax" });
  } else {
    if (v.channel) issues.push({ path: "submittedOn", message: "Enter the submission date for this channel" });
    if (v.remsConfirmation) issues.push({ path: "submittedOn", message: "A confirmation number comes with a submission: enter its date" });
  }
  return issues;
}

export const enrollmentSchema = enrollmentFieldsSchema
  .extend({
    /** The enrollment this one corrects or replaces (the current one), or "" for the patient's first. */
    supersedesId: text().optional().default(""),
    correctionReason: text().trim().max(500, "At most 500 characters").optional().default(""),
  })
  .superRefine((v, ctx) => {
    for (const i of enrollmentOrderIssues(v)) ctx.addIssue({ code: "custom", path: [i.path], message: i.message });
    if (v.supersedesId && v.correctionReason.length < 5)
      ctx.addIssue({ code: "custom", path: ["correctionReason"], message: "Say why the enrollment is corrected or renewed (at least 5 characters)" });
  });
export type EnrollmentInput = z.input<typeof enrollmentSchema>;
export type Enrollment = z.output<typeof enrollmentSchema>;

/** R7: who counselled, when (an instant; omitted = now by the server's clock), and on which topics. */
export const counsellingSchema = z.object({
  counselledById: text("Choose who counselled the patient").min(1, "Choose who counselled the patient"),
  /** An instant with its offset (the form converts its datetime box); never read in the server's zone. */
  counselledAt: text()
    .trim()
    .superRefine((s, ctx) => {
      const r = s === "" ? null : readInstant(s);
      if (typeof r === "string") ctx.addIssue({ code: "custom", message: r === "Enter a valid time" ? "Enter the date and time" : r });
    })
    .optional()
    .default(""),
  topics: z
    .array(counsellingTopicSchema, { message: "Choose the topics covered" })
    .min(1, "Choose the topics covered")
    .refine((t) => new Set(t).size === t.length, "Each topic once"),
});
export type CounsellingInput = z.input<typeof counsellingSchema>;
export type Counselling = z.output<typeof counsellingSchema>;
