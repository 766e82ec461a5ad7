// R6 and R7 as pure rules: when is a Patient Enrollment Form complete, and when was the patient counselled
// on everything the REMS asks before the first dose.
import { COUNSELLING_TOPICS } from "./enrollment-schema";

export type EnrollmentFacts = {
  patientSignedAt: Date | null;
  prescriberSignedAt: Date | null;
  submittedAt: Date | null;
  channel: "ONLINE" | "FAX" | null;
  remsConfirmation: string | null;
};

export type MissingEnrollmentPart = "patientSignedAt" | "prescriberSignedAt" | "submittedAt" | "channel" | "remsConfirmation";
const PART_LABEL: Record<MissingEnrollmentPart, string> = {
  patientSignedAt: "the patient's signature date",
  prescriberSignedAt: "the prescriber's signature date",
  submittedAt: "the submission date",
  channel: "how it was submitted",
  remsConfirmation: "the REMS confirmation number",
};

/** R6: what the current enrollment still lacks before the dosing gate can open (empty = complete). */
export function enrollmentMissing(e: EnrollmentFacts | null): MissingEnrollmentPart[] {
  if (!e) return ["patientSignedAt", "prescriberSignedAt", "submittedAt", "channel", "remsConfirmation"];
  return (Object.keys(PART_LABEL) as MissingEnrollmentPart[]).filter((k) => !e[k]);
}

/** R6: signed by patient and prescriber, submitted (date and channel) and confirmed by the REMS. */
export const enrollmentComplete = (e: EnrollmentFacts | null): e is EnrollmentFacts & { submittedAt: Date } => enrollmentMissing(e).length === 0;

export const describeMissing = (parts: MissingEnrollmentPart[]) => parts.map((p) => PART_LABEL[p]).join(", ");

/** R6 at a moment: complete, and submitted at or before `at` (the first device's time). */
export const enrolledBy = (e: EnrollmentFacts | null, at: Date) => enrollmentComplete(e) && e.submittedAt.getTime() <= at.getTime();

/** Dates of the form (site-local days) that lie after `today` (the site's day by the server's clock). */
export function futureEnrollmentDates(
  v: { patientSignedOn: string; prescriberSignedOn: string; submittedOn: string },
  today: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (v.patientSignedOn > today) out.patientSignedOn = ["The patient's signature date is in the future"];
  if (v.prescriberSignedOn > today) out.prescriberSignedOn = ["The prescriber's signature date is in the future"];
  if (v.submittedOn > today) out.submittedOn = ["The submission date is in the future"];
  return out;
}

export type CounsellingFact = { counselledAt: Date; topics: string[] };

/** R7: the topics not yet covered by the counselling given at or before `at` (null: by all of it). */
export function counsellingMissing(records: CounsellingFact[], at: Date | null = null, required: readonly string[] = COUNSELLING_TOPICS): string[] {
  const covered = new Set(records.filter((r) => !at || r.counselledAt.getTime() <= at.getTime()).flatMap((r) => r.topics));
  return required.filter((t) => !covered.has(t));
}

/**
 * R7: the moment the patient had been counselled on every required topic (over one visit or several),
 * or null while a topic is still missing. This is the `counselledAt` the first-device check reads.
 */
export function counsellingCompleteAt(records: CounsellingFact[], required: readonly string[] = COUNSELLING_TOPICS): Date | null {
  const covered = new Set<string>();
  for (const r of [...records].sort((a, b) => a.counselledAt.getTime() - b.counselledAt.getTime())) {
    for (const t of r.topics) covered.add(t);
    if (required.every((t) => covered.has(t))) return r.counselledAt;
  }
  return null;
}
