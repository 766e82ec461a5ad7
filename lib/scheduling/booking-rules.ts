// May this patient be booked into a chair on that day? Pure: the facts in, findings out (HARD refuses the
// booking with its reason; SOFT warns and is acknowledged by the nurse who books).
import type { Finding } from "@/lib/rems/rule-result";
import { describeMissing, enrollmentComplete, enrollmentMissing, type EnrollmentFacts } from "@/lib/patients/enrollment-rules";
import { flagLabel } from "@/lib/sessions/eligibility-rules";
import { coveringAuthorization, type AuthorizationFacts } from "@/lib/authorizations/rules";

export type BookingFacts = {
  day: string; // site-local day of the block
  outpatient: boolean;
  enrollmentGateEnabled: boolean;
  enrollment: EnrollmentFacts | null;
  contraindications: string[]; // open contraindication flags (R8)
  gateCautions: string[]; // open caution flags recorded since the last dosed session (R9: a prescriber decides at the session)
  sameDay: "session" | "appointment" | null; // R23
  authorizations: AuthorizationFacts[];
  usedDays: string[]; // days of dosing sessions and other live appointments
};

/** Findings of a booking: NOT enrolled, contraindication, same day and no authorization refuse; a GATE caution warns. */
export function bookingFindings(f: BookingFacts): Finding[] {
  const out: Finding[] = [];
  if (f.outpatient && f.enrollmentGateEnabled && !enrollmentComplete(f.enrollment)) {
    const missing = enrollmentMissing(f.enrollment);
    out.push({
      code: "BOOK_NOT_ENROLLED",
      rule: "R6",
      strength: "HARD",
      field: "patientId",
      message: `The patient is not enrolled in the SPRAVATO REMS: complete the enrollment form first (missing ${describeMissing(missing)}).`,
    });
  }
  for (const kind of f.contraindications)
    out.push({
      code: "BOOK_CONTRAINDICATION",
      rule: "R8",
      strength: "HARD",
      field: "patientId",
      message: `Contraindication recorded: ${flagLabel(kind)}. A prescriber must remove the flag before a visit is booked.`,
    });
  if (f.sameDay)
    out.push({
      code: "BOOK_SAME_DAY",
      rule: "R23",
      strength: "HARD",
      field: "startsAt",
      message:
        f.sameDay === "session"
          ? `The patient already has a session on ${f.day}: only one dosing session a calendar day.`
          : `The patient already has a visit booked on ${f.day}: only one dosing session a calendar day.`,
    });
  const cover = coveringAuthorization(f.authorizations, f.day, f.usedDays);
  if (!cover.ok) out.push({ code: "BOOK_NO_AUTHORIZATION", rule: "PA", strength: "HARD", field: "startsAt", message: cover.message });
  if (f.gateCautions.length)
    out.push({
      code: "BOOK_GATE_FLAG",
      rule: "R9",
      strength: "SOFT",
      message: `Open caution for a prescriber's decision before dosing: ${f.gateCautions.map(flagLabel).join(", ")}. Make sure a prescriber is on site for this visit.`,
    });
  return out;
}
