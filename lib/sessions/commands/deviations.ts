import "server-only";
import { transaction } from "@/lib/db/client";
import { notFoundError } from "@/lib/http/errors";
import { syncDraftPmf } from "@/lib/pmf/data";
import type { z } from "zod";
import { lockSession } from "../data";
import { recordDeviation } from "../deviations";
import type { deviationSchema } from "../schema";
import type { Actor } from "./shared";

/** Code of a deviation a clinician records by hand (rule-found ones carry their rule's code). */
export const RECORDED_DEVIATION = "RECORDED";

/**
 * A nurse or psychiatrist records a protocol deviation on the session with the reason, during or after
 * it (until sign-off; after that, an amendment). The session's unsubmitted PMF follows.
 */
export async function recordSessionDeviation(actor: Actor, sessionId: string, input: z.output<typeof deviationSchema>) {
  return transaction(async (tx) => {
    await lockSession(tx, sessionId);
    const s = await tx.treatmentSession.findUnique({ where: { id: sessionId }, select: { siteId: true, patientId: true } });
    if (!s) throw notFoundError("Session");
    const row = await recordDeviation(tx, actor, {
      sessionId,
      siteId: s.siteId,
      patientId: s.patientId,
      code: RECORDED_DEVIATION,
      description: input.description,
      reason: input.reason,
      entityType: "TreatmentSession",
      entityId: sessionId,
    });
    await syncDraftPmf(tx, actor, sessionId);
    return { id: row.id };
  });
}
