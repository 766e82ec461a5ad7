import "server-only";
import type { Tx } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import type { Alert } from "./observation-rules";

type Where = { sessionId: string; siteId: string; patientId: string };
type Entry = { entityType: string; entityId: string };

/** R26–R28: the alerts an entry raised, kept as rows beside the entry (same transaction), as they were shown. */
export async function recordAlerts(
  tx: Tx,
  actor: AuditActor,
  at: Where,
  entry: Entry,
  alerts: Pick<Alert, "code" | "rule" | "severity" | "message">[],
  raisedAt: Date,
) {
  for (const a of alerts) {
    const row = await tx.sessionAlert.create({
      data: {
        sessionId: at.sessionId,
        code: a.code,
        rule: a.rule,
        severity: a.severity,
        message: a.message,
        entityType: entry.entityType,
        entityId: entry.entityId,
        raisedAt,
      },
    });
    await appendAudit(tx, {
      actor,
      action: "alert.raise",
      entityType: "SessionAlert",
      entityId: row.id,
      siteId: at.siteId,
      patientId: at.patientId,
      after: row,
      reason: a.code,
    });
  }
}

/** SOFT warnings a clinician read and acknowledged to go on with a step ("device 1"): one row each, with who and when. */
export async function recordAcknowledgements(
  tx: Tx,
  actor: NonNullable<AuditActor>,
  at: Where,
  step: string,
  entry: Entry | null,
  warnings: { code: string; message: string }[],
  acknowledgedAt: Date,
) {
  for (const w of warnings) {
    const row = await tx.warningAcknowledgement.create({
      data: {
        sessionId: at.sessionId,
        code: w.code,
        message: w.message,
        step,
        entityType: entry?.entityType ?? null,
        entityId: entry?.entityId ?? null,
        acknowledgedById: actor.id,
        acknowledgedAt,
      },
    });
    await appendAudit(tx, {
      actor,
      action: "warning.acknowledge",
      entityType: "WarningAcknowledgement",
      entityId: row.id,
      siteId: at.siteId,
      patientId: at.patientId,
      after: row,
      reason: w.code,
    });
  }
}
