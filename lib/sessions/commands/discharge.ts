import "server-only";
import { transaction, type Tx } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/data";
import { invalidInput, ruleUnmet } from "@/lib/http/errors";
import { syncDraftPmf } from "@/lib/pmf/data";
import { wholeMinutes } from "@/lib/rems/rule-result";
import type { z } from "zod";
import { dischargeReadiness } from "../discharge-rules";
import { firstDeviceAt, live, type SessionFacts } from "../facts";
import type { dischargeSchema, transferSchema } from "../schema";
import { recordFoundDeviations } from "../deviations";
import { recordPreCompletion } from "./pre-completion";
import { clinicalTime, openSession, timeContext, type Actor } from "./shared";

export async function discharge(actor: Actor, sessionId: string, input: z.output<typeof dischargeSchema>) {
  // R35: an answer given on the discharge screen is recorded first (its own transaction), so a "No" stays
  // a fact the prescriber sees even though this discharge is then refused by its GATE.
  if (input.vitalsAcceptablePreCompletion != null) await recordPreCompletion(actor, sessionId, { vitalsAcceptable: input.vitalsAcceptablePreCompletion });
  return transaction(async (tx) => {
    const { now: serverTime, siteId, patientId, f } = await openSession(tx, sessionId);
    const now = await dischargeTime(tx, sessionId, serverTime, f, input.dischargedAt);
    const readiness = dischargeReadiness(f, now, input);
    if (!readiness.ok) throw ruleUnmet(readiness.unmet);
    const t0 = readiness.t0!;
    const deviations = (await recordFoundDeviations(tx, { sessionId, siteId, patientId }, f, now)).map((d) => ({ code: d.code, description: d.description }));
    const decision = await tx.dischargeDecision.create({
      data: {
        sessionId,
        outcome: "DISCHARGED",
        decidedAt: now,
        hcpId: actor.id,
        rideConfirmed: input.rideConfirmed,
        noDrivingReminder: input.noDrivingReminder,
        readyToLeaveMinutes: input.readyToLeaveMinutes,
        vitalsAcceptablePreAdministration: input.vitalsAcceptablePreAdministration,
        vitalsAcceptablePreCompletion: f.preCompletion?.vitalsAcceptable ?? input.vitalsAcceptablePreCompletion,
        criteriaSnapshot: JSON.parse(
          JSON.stringify({ totalMinutes: readiness.totalMinutes, warnings: readiness.warnings, gatesDecided: f.decisions, deviations }),
        ),
      },
    });
    await tx.treatmentSession.update({ where: { id: sessionId }, data: { status: "DISCHARGED", endOfMonitoringAt: now, version: { increment: 1 } } });
    await appendAudit(tx, {
      actor,
      action: "session.discharge",
      entityType: "TreatmentSession",
      entityId: sessionId,
      siteId,
      patientId,
      after: { decisionId: decision.id, totalMinutes: wholeMinutes(t0, now), ...input },
    });
    const pmfId = (await syncDraftPmf(tx, actor, sessionId))?.id ?? null;
    return { totalMinutes: wholeMinutes(t0, now), pmfId };
  });
}

/**
 * A live session is discharged at the server's now. A back-entered one (R49) at the time the patient really
 * left, bounded like any clinical time and not before anything already recorded, so R30 is judged at that time.
 */
async function dischargeTime(tx: Tx, sessionId: string, now: Date, f: SessionFacts, dischargedAt: Date | undefined): Promise<Date> {
  const ctx = await timeContext(tx, sessionId, now);
  if (!ctx.backEntered) return now;
  if (!dischargedAt) throw invalidInput({ dischargedAt: ["Enter when the patient left"] });
  const { at } = clinicalTime(dischargedAt, ctx, "dischargedAt");
  const entries = [
    ...live(f.vitals).map((v) => v.takenAt),
    ...live(f.devices).map((d) => d.administeredAt),
    ...live(f.sedation).map((x) => x.takenAt),
    ...live(f.dissociation).map((x) => x.takenAt),
  ];
  if (entries.some((t) => t.getTime() > at.getTime())) throw invalidInput({ dischargedAt: ["Readings are recorded after this time"] });
  return at;
}

export async function emergencyTransfer(actor: Actor, sessionId: string, input: z.output<typeof transferSchema>) {
  return transaction(async (tx) => {
    const { now, siteId, patientId, f } = await openSession(tx, sessionId);
    const t0 = firstDeviceAt(f.devices);
    // a transfer is a decision made now: an earlier stated time is bounded but needs no late reason to be honest
    const { at } = clinicalTime(input.transferredAt, { ...(await timeContext(tx, sessionId, now)), lateEntryMinutes: Infinity }, "transferredAt");
    await tx.dischargeDecision.create({
      data: {
        sessionId,
        outcome: "EMERGENCY_TRANSFER",
        decidedAt: at,
        hcpId: actor.id,
        receivingService: input.receivingService,
        criteriaSnapshot: { reason: input.reason },
      },
    });
    await tx.treatmentSession.update({
      where: { id: sessionId },
      data: { status: t0 ? "EMERGENCY_TRANSFER" : "CANCELLED", endOfMonitoringAt: at, cancelledReason: t0 ? null : input.reason, version: { increment: 1 } },
    });
    await appendAudit(tx, {
      actor,
      action: "session.emergency_transfer",
      entityType: "TreatmentSession",
      entityId: sessionId,
      siteId,
      patientId,
      after: input,
    });
    if (t0) await recordFoundDeviations(tx, { sessionId, siteId, patientId }, f, at);
    const pmfId = (await syncDraftPmf(tx, actor, sessionId))?.id ?? null;
    return { totalMinutes: t0 ? wholeMinutes(t0, at) : null, pmfId };
  });
}
