import "server-only";
import { transaction } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/data";
import { ruleUnmet } from "@/lib/http/errors";
import { createDraftPmf } from "@/lib/pmf/data";
import { wholeMinutes } from "@/lib/rems/rule-result";
import type { z } from "zod";
import { dischargeReadiness } from "../discharge-rules";
import { firstDeviceAt } from "../facts";
import { fortyMinuteReading } from "../observation-rules";
import type { dischargeSchema, transferSchema } from "../schema";
import { recordDeviation } from "../deviations";
import { clinicalTime, openSession, timeContext, type Actor } from "./shared";

export async function discharge(actor: Actor, sessionId: string, input: z.output<typeof dischargeSchema>) {
  return transaction(async (tx) => {
    const { now, siteId, patientId, f } = await openSession(tx, sessionId);
    const readiness = dischargeReadiness(f, now, input);
    if (!readiness.ok) throw ruleUnmet(readiness.unmet);
    const t0 = readiness.t0!;
    const forty = fortyMinuteReading(f.vitals, t0, f.params, now);
    const deviations = forty.state === "recorded" && forty.deviation
      ? [{ code: "R25_OUTSIDE_WINDOW", description: `40-minute blood pressure taken at ${Math.floor(forty.minutesAfterT0)} minutes (window 30–50).` }] : [];
    for (const d of deviations) await recordDeviation(tx, null, { sessionId, siteId, patientId, code: d.code, description: d.description, entityType: "ObservationVital" });
    const decision = await tx.dischargeDecision.create({
      data: { sessionId, outcome: "DISCHARGED", decidedAt: now, hcpId: actor.id, rideConfirmed: input.rideConfirmed, noDrivingReminder: input.noDrivingReminder,
        readyToLeaveMinutes: input.readyToLeaveMinutes, vitalsAcceptablePreAdministration: input.vitalsAcceptablePreAdministration,
        vitalsAcceptablePreCompletion: input.vitalsAcceptablePreCompletion,
        criteriaSnapshot: JSON.parse(JSON.stringify({ totalMinutes: readiness.totalMinutes, warnings: readiness.warnings, gatesDecided: f.decisions, deviations })) },
    });
    await tx.treatmentSession.update({ where: { id: sessionId }, data: { status: "DISCHARGED", endOfMonitoringAt: now, version: { increment: 1 } } });
    await appendAudit(tx, { actor, action: "session.discharge", entityType: "TreatmentSession", entityId: sessionId, siteId, patientId, after: { decisionId: decision.id, totalMinutes: wholeMinutes(t0, now), ...input } });
    const pmfId = await createDraftPmf(tx, actor, sessionId, f, now);
    return { totalMinutes: wholeMinutes(t0, now), pmfId };
  });
}

export async function emergencyTransfer(actor: Actor, sessionId: string, input: z.output<typeof transferSchema>) {
  return transaction(async (tx) => {
    const { now, siteId, patientId, f } = await openSession(tx, sessionId);
    const t0 = firstDeviceAt(f.devices);
    // a transfer is a decision made now: an earlier stated time is bounded but needs no late reason to be honest
    const { at } = clinicalTime(input.transferredAt, { ...(await timeContext(tx, sessionId, now)), lateEntryMinutes: Infinity }, "transferredAt");
    await tx.dischargeDecision.create({ data: { sessionId, outcome: "EMERGENCY_TRANSFER", decidedAt: at, hcpId: actor.id, receivingService: input.receivingService, criteriaSnapshot: { reason: input.reason } } });
    await tx.treatmentSession.update({ where: { id: sessionId }, data: { status: t0 ? "EMERGENCY_TRANSFER" : "CANCELLED", endOfMonitoringAt: at, cancelledReason: t0 ? null : input.reason, version: { increment: 1 } } });
    await appendAudit(tx, { actor, action: "session.emergency_transfer", entityType: "TreatmentSession", entityId: sessionId, siteId, patientId, after: input });
    const pmfId = await createDraftPmf(tx, actor, sessionId, f, at);
    return { totalMinutes: t0 ? wholeMinutes(t0, at) : null, pmfId };
  });
}
