import "server-only";
import { serverNow } from "@/lib/clock";
// What every chair-side command shares: lock the session, re-read its facts at server time, refuse
// a closed session, and bound a clinical time. Each command runs in one transaction with its audit row.
import { db, type Tx } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { HttpError, notFoundError } from "@/lib/http/errors";
import { lockSession, loadObservationFacts, loadSessionFacts } from "../data";
import type { Alert } from "../observation-rules";

export type Actor = NonNullable<AuditActor>;
export const OPEN_STATUSES = ["CHECKED_IN", "DOSING", "MONITORING"] as const;

export const closed = (status: string) => !(OPEN_STATUSES as readonly string[]).includes(status);

export const sessionClosed = () => new HttpError(409, "SESSION_CLOSED", "This session is closed: it can no longer be changed here.");

export async function facts(tx: Tx, sessionId: string, now: Date, lock: { afterSigning?: boolean } = {}) {
  await lockSession(tx, sessionId, lock);
  const f = await loadSessionFacts(tx, sessionId, now);
  if (!f) throw notFoundError("Session");
  return f;
}

/** Locks an open session and reads its facts at server time `now`; a closed session cannot change. */
export async function openSession(tx: Tx, sessionId: string) {
  const now = serverNow();
  const loaded = await facts(tx, sessionId, now);
  if (closed(loaded.facts.status)) throw sessionClosed();
  return { now, ...loaded, f: loaded.facts };
}

/** Like openSession, reading only what an observation entry needs (vitals, MOAA/S, dissociation). */
export async function openForObservation(tx: Tx, sessionId: string) {
  const now = serverNow();
  await lockSession(tx, sessionId);
  const loaded = await loadObservationFacts(tx, sessionId, now);
  if (!loaded) throw notFoundError("Session");
  if (closed(loaded.facts.status)) throw sessionClosed();
  return { now, ...loaded, f: loaded.facts };
}

/** A clinical time from the form, or now by the server's clock; never in the future. */
export function clinicalTime(at: Date | undefined, now: Date, field = "takenAt"): Date {
  const t = at ?? now;
  if (t.getTime() > now.getTime()) throw new HttpError(422, "INVALID_INPUT", "This time is in the future.", { [field]: ["This time is in the future"] });
  return t;
}

/** The site of a session (for authorization before anything is read). */
export async function sessionSite(sessionId: string): Promise<string | null> {
  return (await db().treatmentSession.findUnique({ where: { id: sessionId }, select: { siteId: true } }))?.siteId ?? null;
}

export async function openAdverseEvent(tx: Tx, actor: Actor, sessionId: string, siteId: string, patientId: string, alert: Alert, onsetAt: Date, spo2Nadir?: number | null) {
  const ae = await tx.adverseEvent.create({
    data: { sessionId, siteId, patientId, type: alert.opensAdverseEvent!, description: alert.message, serious: !!alert.serious, onsetAt, spo2Nadir: spo2Nadir ?? null, recordedById: actor.id },
  });
  await appendAudit(tx, { actor, action: "adverse_event.open", entityType: "AdverseEvent", entityId: ae.id, siteId, patientId, after: ae, reason: alert.code });
  return ae.id;
}
