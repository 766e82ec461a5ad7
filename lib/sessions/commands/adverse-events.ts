import "server-only";
import { serverNow } from "@/lib/clock";
import { transaction } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/data";
import { HttpError, notFoundError } from "@/lib/http/errors";
import type { z } from "zod";
import { syncDraftPmf } from "@/lib/pmf/data";
import { lockSession } from "../data";
import type { adverseEventSchema, adverseEventUpdateSchema } from "../schema";
import { clinicalTime, closed, facts, noteLateEntry, resolutionTime, sessionClosed, timeContext, type Actor } from "./shared";

export async function recordAdverseEvent(actor: Actor, sessionId: string, input: z.output<typeof adverseEventSchema>) {
  return {
    result: await transaction(async (tx) => {
      const now = serverNow();
      const { siteId, patientId, facts: f } = await facts(tx, sessionId, now, { afterSigning: true });
      if (closed(f.status) && f.status !== "DISCHARGED" && f.status !== "EMERGENCY_TRANSFER") throw sessionClosed();
      const ctx = await timeContext(tx, sessionId, now);
      const { at: onsetAt, late } = clinicalTime(input.onsetAt, ctx, "onsetAt", input.lateReason);
      const lateEntryReason = late ? input.lateReason! : null;
      const resolvedAt = input.resolvedAt ? resolutionTime(input.resolvedAt, onsetAt, { ...ctx, lateEntryMinutes: Infinity }).at : null;
      const ae = await tx.adverseEvent.create({
        data: {
          sessionId,
          siteId,
          patientId,
          type: input.type,
          description: input.description,
          serious: input.serious,
          onsetAt,
          lateEntryReason,
          resolvedAt,
          interventions: input.interventions,
          outcome: input.outcome ?? null,
          spo2Nadir: input.spo2Nadir ?? null,
          recordedById: actor.id,
        },
        select: { id: true },
      });
      await appendAudit(tx, { actor, action: "adverse_event.record", entityType: "AdverseEvent", entityId: ae.id, siteId, patientId, after: input });
      if (lateEntryReason)
        await noteLateEntry(tx, actor, { sessionId, siteId, patientId, entityType: "AdverseEvent", entityId: ae.id, at: onsetAt, reason: lateEntryReason });
      await syncDraftPmf(tx, actor, sessionId);
      return ae;
    }),
  };
}

export async function resolveAdverseEvent(actor: Actor, sessionId: string, eventId: string, resolvedAt: Date | undefined, outcome: string) {
  return transaction(async (tx) => {
    const now = serverNow();
    const { signedAt } = await lockSession(tx, sessionId, { afterSigning: true });
    const before = await tx.adverseEvent.findFirst({ where: { id: eventId, sessionId } });
    if (!before) throw notFoundError("Adverse event");
    // Events open at signing cannot exist (sign-off waits for them); one signed as it was stays as it was.
    if (signedAt && before.createdAt <= signedAt)
      throw new HttpError(409, "SESSION_SIGNED", "This event is part of the signed record: record a correction as an amendment.");
    if (before.resolvedAt) throw new HttpError(409, "ALREADY_RESOLVED", "This event is already resolved.");
    // bounded by onset, check-in and now; a resolution reported later is the usual follow-up, not a late entry
    const { at } = resolutionTime(resolvedAt, before.onsetAt, { ...(await timeContext(tx, sessionId, now)), lateEntryMinutes: Infinity });
    const after = await tx.adverseEvent.update({ where: { id: eventId }, data: { resolvedAt: at, outcome, version: { increment: 1 } } });
    await appendAudit(tx, {
      actor,
      action: "adverse_event.resolve",
      entityType: "AdverseEvent",
      entityId: eventId,
      siteId: before.siteId,
      patientId: before.patientId,
      before,
      after,
    });
    await syncDraftPmf(tx, actor, sessionId);
    return { id: eventId };
  });
}

/**
 * Later facts about an event, also after discharge: interventions added (to an event a rule opened, too),
 * or the event classified serious (it then counts for R41 and the PMF). Old → new is audited; the
 * session's unsubmitted PMF follows. An event that is part of a signed record changes only by amendment.
 */
export async function updateAdverseEvent(actor: Actor, sessionId: string, eventId: string, input: z.output<typeof adverseEventUpdateSchema>) {
  return transaction(async (tx) => {
    const { signedAt } = await lockSession(tx, sessionId, { afterSigning: true });
    const before = await tx.adverseEvent.findFirst({ where: { id: eventId, sessionId } });
    if (!before) throw notFoundError("Adverse event");
    if (signedAt && before.createdAt <= signedAt)
      throw new HttpError(409, "SESSION_SIGNED", "This event is part of the signed record: record a correction as an amendment.");
    if (input.serious && before.serious && !input.addInterventions.length)
      throw new HttpError(409, "ALREADY_SERIOUS", "This event is already classified serious.");
    const after = await tx.adverseEvent.update({
      where: { id: eventId },
      data: { interventions: [...before.interventions, ...input.addInterventions], serious: before.serious || !!input.serious, version: { increment: 1 } },
    });
    await appendAudit(tx, {
      actor,
      action: "adverse_event.update",
      entityType: "AdverseEvent",
      entityId: eventId,
      siteId: before.siteId,
      patientId: before.patientId,
      before,
      after,
      reason: input.reason,
    });
    await syncDraftPmf(tx, actor, sessionId);
    return { id: eventId, serious: after.serious, interventions: after.interventions };
  });
}
