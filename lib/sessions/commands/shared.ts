import "server-only";
import { serverNow } from "@/lib/clock";
// What every chair-side command shares: lock the session, re-read its facts at server time, refuse
// a closed session, and bound a clinical time. Each command runs in one transaction with its audit row.
import type { Tx } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { HttpError, notFoundError } from "@/lib/http/errors";
import { ACTIVE_STATUSES, lockForEntry, lockForObservation, lockSession, loadSessionFacts } from "../data";
import type { Alert } from "../observation-rules";
import { checkClinicalTime, checkResolution, clinicalTimeContext, type ClinicalTimeContext } from "../clinical-time-rules";
import { recordDeviation } from "../deviations";
import { formatTime } from "@/lib/time/format";

export type Actor = NonNullable<AuditActor>;

export const closed = (status: string) => !(ACTIVE_STATUSES as readonly string[]).includes(status);

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

/** Locks an open session for an entry whose rules read nothing of it (MOAA/S, dissociation, a crisis), with its R49 bounds. */
export async function openForEntry(tx: Tx, sessionId: string) {
  const now = serverNow();
  const e = await lockForEntry(tx, sessionId, now);
  if (!e) throw notFoundError("Session");
  if (closed(e.status)) throw sessionClosed();
  return { now, siteId: e.siteId, patientId: e.patientId, time: e.time };
}

/** Like openSession, reading in one round trip only what an observation entry needs (vitals), with its R49 bounds. */
export async function openForObservation(tx: Tx, sessionId: string) {
  const now = serverNow();
  const e = await lockForObservation(tx, sessionId, now);
  if (!e) throw notFoundError("Session");
  if (closed(e.status)) throw sessionClosed();
  return { now, siteId: e.siteId, patientId: e.patientId, time: e.time, f: e.facts };
}

/** What bounds a clinical time in this session (R49): server-stamped check-in, the site's late-entry threshold. */
export async function timeContext(tx: Tx, sessionId: string, now: Date): Promise<ClinicalTimeContext> {
  const s = await tx.treatmentSession.findUnique({
    where: { id: sessionId },
    select: { checkedInAt: true, backEntryReason: true, site: { select: { lateEntryMinutes: true } } },
  });
  if (!s) throw notFoundError("Session");
  return clinicalTimeContext({ checkedInAt: s.checkedInAt, lateEntryMinutes: s.site.lateEntryMinutes, backEntered: !!s.backEntryReason }, now);
}

export const refused = (c: { field: string; message: string }) => new HttpError(422, "INVALID_INPUT", `${c.message}.`, { [c.field]: [c.message] });

/** A clinical time from the form (absent = now), bounded by R49; a late one without a reason is refused. */
export function clinicalTime(at: Date | undefined, ctx: ClinicalTimeContext, field: string, lateReason?: string | null): { at: Date; late: boolean } {
  const c = checkClinicalTime(at, ctx, field, lateReason);
  if (!c.ok) throw refused(c);
  return c;
}

/** A resolution time: bounded like any clinical time and never before its onset. */
export function resolutionTime(at: Date | undefined, onsetAt: Date, ctx: ClinicalTimeContext, lateReason?: string | null): { at: Date; late: boolean } {
  const c = checkResolution(at, onsetAt, ctx, lateReason);
  if (!c.ok) throw refused(c);
  return c;
}

const ENTRY_NAMES: Record<string, string> = {
  ObservationVital: "Vital signs",
  DeviceAdministration: "Device",
  SedationAssessment: "MOAA/S",
  DissociationAssessment: "Dissociation check",
  AdverseEvent: "Adverse event",
};

/** R49: a late entry is a protocol-deviation row about the entry, so the report, PMF review and queue see it. */
export async function noteLateEntry(
  tx: Tx,
  actor: Actor,
  e: { sessionId: string; siteId: string; patientId: string; entityType: string; entityId: string; at: Date; reason: string },
) {
  const { timeZone } = await tx.site.findUniqueOrThrow({ where: { id: e.siteId }, select: { timeZone: true } });
  await recordDeviation(tx, actor, {
    sessionId: e.sessionId,
    siteId: e.siteId,
    patientId: e.patientId,
    code: "R49_LATE_ENTRY",
    description: `${ENTRY_NAMES[e.entityType] ?? "Entry"} of ${formatTime(e.at, timeZone)} entered at ${formatTime(serverNow(), timeZone)}`,
    reason: e.reason,
    entityType: e.entityType,
    entityId: e.entityId,
  });
}

/** The site of a session (for authorization before anything is read). */
export async function sessionSite(sessionId: string): Promise<string | null> {
  // raw: every chair-side write asks this first
  const rows = await sql().query<{ siteId: string }>`SELECT "siteId" FROM "TreatmentSession" WHERE "id" = ${sessionId}`;
  return rows[0]?.siteId ?? null;
}

export async function openAdverseEvent(
  tx: Tx,
  actor: Actor,
  sessionId: string,
  siteId: string,
  patientId: string,
  alert: Alert,
  onsetAt: Date,
  spo2Nadir?: number | null,
) {
  const ae = await tx.adverseEvent.create({
    data: {
      sessionId,
      siteId,
      patientId,
      type: alert.opensAdverseEvent!,
      description: alert.message,
      serious: !!alert.serious,
      onsetAt,
      spo2Nadir: spo2Nadir ?? null,
      recordedById: actor.id,
    },
  });
  await appendAudit(tx, { actor, action: "adverse_event.open", entityType: "AdverseEvent", entityId: ae.id, siteId, patientId, after: ae, reason: alert.code });
  return ae.id;
}
