// The psychiatrist has signed every session treated 8 or more site-local days ago (the day after it),
// so the review queue shows the last week's. lib/signoff computes the content hash as for any signature.
import type { Clinic } from "./clinic";
import type { Followups } from "./replay";
import type { PlannedSession } from "./sessions";
import { daysBetween, siteDay } from "../../lib/time/days";

const DAY = 86_400_000;

export function planSignatures(clinic: Clinic, sessions: PlannedSession[], now: Date): Followups["signatures"] {
  return sessions
    .filter((s) => s.end && daysBetween(s.treatmentDate, siteDay(now, s.site.timeZone)) >= 8)
    .map((s) => ({ sessionId: s.id, at: new Date(s.end!.getTime() + DAY), signerId: clinic.staff.priya.id, meaning: "APPROVED_DISCHARGE" as const }));
}
