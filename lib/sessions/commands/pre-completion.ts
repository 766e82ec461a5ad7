import "server-only";
import { transaction } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/data";
import { HttpError } from "@/lib/http/errors";
import type { z } from "zod";
import { firstDeviceAt } from "../facts";
import type { preCompletionSchema } from "../schema";
import { openSession, type Actor } from "./shared";

/**
 * R35 (PMF row 22): the nurse's answer to "vital signs acceptable before completion?" as a recorded fact,
 * before discharge, so a "No" is a GATE the board and the review queue show. The same answer again adds nothing.
 */
export async function recordPreCompletion(actor: Actor, sessionId: string, input: z.output<typeof preCompletionSchema>) {
  return transaction(async (tx) => {
    const { now, siteId, patientId, f } = await openSession(tx, sessionId);
    if (!firstDeviceAt(f.devices)) throw new HttpError(409, "NOT_DOSED", "The pre-completion assessment comes after the first device.");
    if (f.preCompletion && f.preCompletion.vitalsAcceptable === input.vitalsAcceptable)
      return { vitalsAcceptable: input.vitalsAcceptable, assessedAt: f.preCompletion.assessedAt, changed: false };
    const row = await tx.preCompletionAssessment.create({
      data: { sessionId, vitalsAcceptable: input.vitalsAcceptable, assessedAt: now, assessedById: actor.id },
    });
    await appendAudit(tx, {
      actor,
      action: "pre_completion.record",
      entityType: "PreCompletionAssessment",
      entityId: row.id,
      siteId,
      patientId,
      before: f.preCompletion ?? null,
      after: row,
    });
    return { vitalsAcceptable: row.vitalsAcceptable, assessedAt: row.assessedAt, changed: true };
  });
}
