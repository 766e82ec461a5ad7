import "server-only";
import { transaction } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/data";
import type { z } from "zod";
import type { gateDecisionSchema } from "../schema";
import { openSession, type Actor } from "./shared";

export async function decideGate(actor: Actor, sessionId: string, input: z.output<typeof gateDecisionSchema>) {
  return {
    result: await transaction(async (tx) => {
      const { now, siteId, patientId } = await openSession(tx, sessionId);
      const d = await tx.clinicalDecision.create({
        data: { sessionId, rule: input.rule, decision: input.decision, reason: input.reason, prescriberId: actor.id, decidedAt: now },
        select: { id: true },
      });
      await appendAudit(tx, { actor, action: "gate.decide", entityType: "ClinicalDecision", entityId: d.id, siteId, patientId, after: input });
      return d;
    }),
  };
}
