import "server-only";
import type { Tx } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { sessionDeviations } from "@/lib/reports/deviation-rules";
import { firstDeviceAt, type SessionFacts } from "./facts";
import { serverNow } from "@/lib/clock";

export type DeviationInput = {
  sessionId: string;
  siteId: string;
  patientId: string;
  code: string;
  description: string;
  /** The clinician's reason, when a person records or explains it; none when a rule finds it. */
  reason?: string | null;
  /** The entry it is about (e.g. a late vital), when there is one. */
  entityType?: string;
  entityId?: string;
};

/**
 * Records a protocol deviation as a row (with its audit row, same transaction). The deviation report,
 * the PMF and the review queue read these rows; `actor` null means a rule found it.
 */
export async function recordDeviation(tx: Tx, actor: AuditActor, d: DeviationInput) {
  const row = await tx.protocolDeviation.create({
    data: {
      sessionId: d.sessionId,
      code: d.code,
      description: d.description,
      detectedAt: serverNow(),
      reason: d.reason ?? null,
      recordedById: actor?.id ?? null,
      entityType: d.entityType ?? null,
      entityId: d.entityId ?? null,
    },
  });
  await appendAudit(tx, {
    actor,
    action: "deviation.record",
    entityType: "ProtocolDeviation",
    entityId: row.id,
    siteId: d.siteId,
    patientId: d.patientId,
    after: row,
    reason: d.reason ?? d.code,
  });
  return row;
}

/**
 * What a rule finds in the readings at the end of monitoring (R25 40-minute BP outside the window or
 * missing, R27 SpO₂ missing), written as rows once, so reports read the same rows the session shows.
 */
export async function recordFoundDeviations(
  tx: Tx,
  where: { sessionId: string; siteId: string; patientId: string },
  f: Pick<SessionFacts, "devices" | "vitals" | "params">,
  end: Date,
) {
  const t0 = firstDeviceAt(f.devices);
  if (!t0) return [];
  const found = sessionDeviations({ t0, end, params: f.params, vitals: f.vitals, decisions: [], acknowledgements: [], recorded: [] });
  const already = new Set((await tx.protocolDeviation.findMany({ where: { sessionId: where.sessionId }, select: { code: true } })).map((d) => d.code));
  const rows = [];
  for (const d of found.filter((x) => !already.has(x.code)))
    rows.push(await recordDeviation(tx, null, { ...where, code: d.code, description: d.message, entityType: "ObservationVital" }));
  return rows;
}
