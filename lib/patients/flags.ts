import "server-only";
import { serverNow } from "@/lib/clock";
import type { z } from "zod";
import { transaction } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { HttpError, notFoundError } from "@/lib/http/errors";
import { flagCategory, type addFlagSchema } from "./schema";

type Actor = NonNullable<AuditActor>;

/** Record a contraindication (blocks dosing, R8) or a caution (GATE at the next session, R9). */
export async function addFlag(actor: Actor, patientId: string, input: z.output<typeof addFlagSchema>) {
  return transaction(async (tx) => {
    const patient = await tx.patient.findUnique({ where: { id: patientId }, select: { siteId: true } });
    if (!patient) throw notFoundError("Patient");
    const open = await tx.clinicalFlag.findFirst({ where: { patientId, kind: input.kind, removedAt: null } });
    if (open) throw new HttpError(409, "DUPLICATE", "This flag is already recorded.", { kind: ["This flag is already recorded"] });
    const flag = await tx.clinicalFlag.create({
      data: { patientId, category: flagCategory(input.kind), kind: input.kind, note: input.note || null, recordedById: actor.id },
    });
    await appendAudit(tx, { actor, action: "flag.add", entityType: "ClinicalFlag", entityId: flag.id, siteId: patient.siteId, patientId, after: flag });
    return { id: flag.id };
  });
}

/** R8: a flag is never deleted; it is closed by a prescriber with a reason, and stays in the history. */
export async function removeFlag(actor: Actor, patientId: string, flagId: string, reason: string) {
  return transaction(async (tx) => {
    const before = await tx.clinicalFlag.findFirst({ where: { id: flagId, patientId }, include: { patient: { select: { siteId: true } } } });
    if (!before) throw notFoundError("Flag");
    if (before.removedAt) throw new HttpError(409, "ALREADY_REMOVED", "This flag was already removed.");
    const after = await tx.clinicalFlag.update({ where: { id: flagId }, data: { removedAt: serverNow(), removedById: actor.id, removedReason: reason } });
    const { patient, ...rest } = before;
    await appendAudit(tx, {
      actor,
      action: "flag.remove",
      entityType: "ClinicalFlag",
      entityId: flagId,
      siteId: patient.siteId,
      patientId,
      before: rest,
      after,
      reason,
    });
    return { id: flagId };
  });
}
