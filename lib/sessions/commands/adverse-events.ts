import "server-only";
import { serverNow } from "@/lib/clock";
import { db, transaction } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/data";
import { HttpError, invalidInput, notFoundError } from "@/lib/http/errors";
import type { z } from "zod";
import { syncDraftPmf } from "@/lib/pmf/data";
import { lockSession } from "../data";
import type { adverseEventSchema, adverseEventUpdateSchema } from "../schema";
import { closed, facts, sessionClosed, type Actor } from "./shared";

export async function recordAdverseEvent(actor: Actor, sessionId: string, input: z.output<typeof adverseEventSchema>) {
  return { result: await transaction(async (tx) => {
      const now = serverNow();
      const { siteId, patientId, facts: f } = await facts(tx, sessionId, now, { afterSigning: true });
      if (closed(f.status) && f.status !== "DISCHARGED" && f.status !== "EMERGENCY_TRANSFER") throw sessionClosed();
      const onsetAt = input.onsetAt ?? now;
      if (onsetAt > now) throw invalidInput({ onsetAt: ["This time is in the future"] });
      if (input.resolvedAt && (input.resolvedAt > now || input.resolvedAt < onsetAt)) throw invalidInput({ resolvedAt: ["Between onset and now"] });
      const ae = await tx.adverseEvent.create({
        data: { sessionId, siteId, patientId, type: input.type, description: input.description, serious: input.serious, onsetAt,
          resolvedAt: input.resolvedAt ?? null, interventions: input.interventions, outcome: input.outcome ?? null, spo2Nadir: input.spo2Nadir ?? null, recordedById: actor.id },
        select: { id: true },
      });
      await appendAudit(tx, { actor, action: "adverse_event.record", entityType: "AdverseEvent", entityId: ae.id, siteId, patientId, after: input });
      await syncDraftPmf(tx, actor, sessionId);
      return ae;
    }) };
}

export async function resolveAdverseEvent(actor: Actor, sessionId: string, eventId: string, resolvedAt: Date | undefined, outcome: string) {
  return transaction(async (tx) => {
    const now = serverNow();
    const { signedAt } = await lockSession(tx, sessionId, { afterSigning: true });
    const before = await tx.adverseEvent.findFirst({ where: { id: eventId, sessionId } });
    if (!before) throw notFoundError("Adverse event");
    // Events open at signing cannot exist (sign-off waits for them); one signed as it was stays as it was.
    if (signedAt && before.createdAt <= signedAt) throw new HttpError(409, "SESSION_SIGNED", "This event is part of the signed record: record a correction as an amendment.");
    if (before.resolvedAt) throw new HttpError(409, "ALREADY_RESOLVED", "This event is already resolved.");
    const at = resolvedAt ?? now;
    if (at > now || at < before.onsetAt) throw new HttpError(422, "INVALID_INPUT", "The resolution time must be between onset and now.", { resolvedAt: ["Between onset and now"] });
    const after = await tx.adverseEvent.update({ where: { id: eventId }, data: { resolvedAt: at, outcome, version: { increment: 1 } } });
    await appendAudit(tx, { actor, action: "adverse_event.resolve", entityType: "AdverseEvent", entityId: eventId, siteId: before.siteId, patientId: before.patientId, before, after });
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
    if (signedAt && before.createdAt <= signedAt) throw new HttpError(409, "SESSION_SIGNED", "This event is part of the signed record: record a correction as an amendment.");
    if (input.serious && before.serious && !input.addInterventions.length) throw new HttpError(409, "ALREADY_SERIOUS", "This event is already classified serious.");
    const after = await tx.adverseEvent.update({
      where: { id: eventId },
      data: { interventions: [...before.interventions, ...input.addInterventions], serious: before.serious || !!input.serious, version: { increment: 1 } },
    });
    await appendAudit(tx, { actor, action: "adverse_event.update", entityType: "AdverseEvent", entityId: eventId, siteId: before.siteId, patientId: before.patientId, before, after, reason: input.reason });
    await syncDraftPmf(tx, actor, sessionId);
    return { id: eventId, serious: after.serious, interventions: after.interventions };
  });
}
