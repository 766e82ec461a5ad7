import "server-only";
import type { Tx } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { serverNow } from "@/lib/clock";

export type DeviationInput = {
  sessionId: string; siteId: string; patientId: string;
  code: string; description: string;
  /** The clinician's reason, when a person records or explains it; none when a rule finds it. */
  reason?: string | null;
  /** The entry it is about (e.g. a late vital), when there is one. */
  entityType?: string; entityId?: string;
};

/**
 * Records a protocol deviation as a row (with its audit row, same transaction). The deviation report,
 * the PMF and the review queue read these rows; `actor` null means a rule found it.
 */
export async function recordDeviation(tx: Tx, actor: AuditActor, d: DeviationInput) {
  const row = await tx.protocolDeviation.create({
    data: { sessionId: d.sessionId, code: d.code, description: d.description, detectedAt: serverNow(), reason: d.reason ?? null,
      recordedById: actor?.id ?? null, entityType: d.entityType ?? null, entityId: d.entityId ?? null },
  });
  await appendAudit(tx, { actor, action: "deviation.record", entityType: "ProtocolDeviation", entityId: row.id, siteId: d.siteId, patientId: d.patientId, after: row, reason: d.reason ?? d.code });
  return row;
}
