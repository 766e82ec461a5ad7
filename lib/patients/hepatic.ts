import "server-only";
import { serverNow } from "@/lib/clock";
import { db, transaction } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { conflictError } from "@/lib/http/errors";
import type { HepaticImpairment } from "@/lib/sessions/hepatic-rules";
import type { HepaticImpairmentChange } from "./medication-schema";
import { patientInScope } from "./medications";

type Actor = NonNullable<AuditActor>;

/** R48: the prescriber records the patient's hepatic impairment (Child-Pugh B moderate, C severe). */
export async function setHepaticImpairment(
  actor: Actor,
  patientId: string,
  input: HepaticImpairmentChange,
): Promise<{ level: HepaticImpairment; version: number }> {
  return transaction(async (tx) => {
    const p = await patientInScope(tx, actor, "hepatic.record", patientId);
    if (p.version !== input.version) throw conflictError("patient");
    const { count } = await tx.patient.updateMany({
      where: { id: patientId, version: input.version },
      data: { hepaticImpairment: input.level, hepaticImpairmentRecordedAt: serverNow(), hepaticImpairmentRecordedById: actor.id, version: { increment: 1 } },
    });
    if (!count) throw conflictError("patient");
    await appendAudit(tx, {
      actor,
      action: "patient.hepatic_impairment",
      entityType: "Patient",
      entityId: patientId,
      siteId: p.siteId,
      patientId,
      before: { hepaticImpairment: p.hepaticImpairment },
      after: { hepaticImpairment: input.level },
    });
    return { level: input.level, version: input.version + 1 };
  });
}

/** What the patient page shows of R48. */
export async function hepaticImpairmentOf(patientId: string) {
  const p = await db().patient.findUnique({
    where: { id: patientId },
    select: { hepaticImpairment: true, hepaticImpairmentRecordedAt: true, hepaticImpairmentRecordedById: true, version: true },
  });
  if (!p) return null;
  const user = p.hepaticImpairmentRecordedById
    ? await db().user.findUnique({ where: { id: p.hepaticImpairmentRecordedById }, select: { firstName: true, lastName: true } })
    : null;
  return {
    level: p.hepaticImpairment,
    recordedAt: p.hepaticImpairmentRecordedAt,
    recordedBy: user ? `${user.firstName} ${user.lastName}` : null,
    version: p.version,
  };
}
