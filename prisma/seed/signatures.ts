// The psychiatrist has signed every session treated 8 or more site-local days ago (the day after it),
// so the review queue shows the last week's. The hash is computed exactly as the app computes it.
import type { Tx } from "../../lib/db/client";
import { contentHash, signedContent } from "../../lib/signoff/data";
import type { Clinic } from "./clinic";
import type { PlannedSession } from "./sessions";
import { daysBetween, localDate } from "../../lib/sessions/local-time";

const DAY = 86_400_000;

export async function planSignatures(tx: Tx, clinic: Clinic, sessions: PlannedSession[], now: Date) {
  const old = sessions.filter((s) => s.end && daysBetween(s.treatmentDate, localDate(now, s.site.timeZone)) >= 8);
  const data = [];
  for (const s of old) {
    const signedAt = new Date(s.end!.getTime() + DAY);
    const content = await signedContent(tx, s.id, signedAt);
    data.push({ sessionId: s.id, signerId: clinic.staff.priya.id, printedName: clinic.staff.priya.name, meaning: content!.session.status === "DISCHARGED" ? "APPROVED_DISCHARGE" as const : "REVIEWED" as const,
      signedAt, contentHash: contentHash(content) });
  }
  await tx.sessionSignature.createMany({ data });
  return data.length;
}
