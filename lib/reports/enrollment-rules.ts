// Enrollment and certification report (REMS.md §6; R1, R2, R6, R42).
import { enrollmentComplete, type EnrollmentFacts } from "@/lib/patients/enrollment-rules";

export type EnrollmentState = "enrolled" | "pending" | "not_enrolled" | "not_required";

/** R6: enrolled = the enrollment complete (lib/patients/enrollment-rules); some of it = pending; inpatient settings enroll no one (R3). */
export function enrollmentState(settingType: "OUTPATIENT" | "INPATIENT", e: EnrollmentFacts | null): EnrollmentState {
  if (settingType === "INPATIENT") return "not_required";
  if (!e) return "not_enrolled";
  return enrollmentComplete(e) ? "enrolled" : "pending";
}

export type TransferNotice = "notified" | "notified_late" | "not_notified";

/** R42: the REMS is told of a transfer before the transfer date (site-local calendar dates). */
export function transferNotice(transferDate: string, notifiedOn: string | null): TransferNotice {
  if (!notifiedOn) return "not_notified";
  return notifiedOn < transferDate ? "notified" : "notified_late";
}

/**
 * R6: an outpatient is enrolled before the first treatment. A patient dosed with no complete enrollment, or
 * dosed on a day before the enrollment was complete (site-local calendar dates), is a problem to report.
 */
export function treatedBeforeEnrollment(state: EnrollmentState, completedOn: string | null, firstTreatment: string | null): boolean {
  if (!firstTreatment || state === "not_required") return false;
  if (state !== "enrolled") return true;
  return !!completedOn && firstTreatment < completedOn;
}
