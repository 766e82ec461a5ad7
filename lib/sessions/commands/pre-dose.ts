import "server-only";
import { transaction } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/data";
import { conflictError, HttpError } from "@/lib/http/errors";
import type { z } from "zod";
import { firstDeviceAt } from "../facts";
import { doseMgOf, NOT_DOSED_REASONS, type checklistSchema, type doseSchema } from "../schema";
import { openSession, type Actor } from "./shared";

export async function saveChecklist(actor: Actor, sessionId: string, input: z.output<typeof checklistSchema>) {
  return transaction(async (tx) => {
    const { now, siteId, patientId, f } = await openSession(tx, sessionId);
    if (firstDeviceAt(f.devices)) throw new HttpError(409, "ALREADY_DOSED", "Dosing has started: the pre-dose checklist is closed.");
    const existing = await tx.preDoseChecklist.findUnique({ where: { sessionId } });
    const data = {
      rideType: input.rideType,
      driverName: input.driverName || null,
      driverPhone: input.driverPhone || null,
      lastFoodAt: input.lastFoodAt,
      lastLiquidAt: input.lastLiquidAt,
      nasalMedicationAt: input.nasalMedicationAt ?? null,
      conmedBenzodiazepines: input.conmedBenzodiazepines,
      conmedSedativeHypnotics: input.conmedSedativeHypnotics,
      conmedPsychostimulants: input.conmedPsychostimulants,
      conmedMaois: input.conmedMaois,
      conmedOpioids: input.conmedOpioids,
      conmedConfirmedAt: now,
      pregnancyStatus: input.pregnancyStatus,
      enrollmentVerifiedAt: input.enrollmentVerified ? now : null,
      completedById: actor.id,
    };
    let saved;
    if (!existing) {
      if (input.version !== 0) throw conflictError("checklist");
      saved = await tx.preDoseChecklist.create({ data: { sessionId, ...data } });
    } else {
      const { count } = await tx.preDoseChecklist.updateMany({ where: { sessionId, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (!count) throw conflictError("checklist");
      saved = await tx.preDoseChecklist.findUniqueOrThrow({ where: { sessionId } });
    }
    // R11: no ride home ends the session as "not dosed: no ride", the same record the not-dosed action makes
    if (input.rideType === "NONE")
      await tx.treatmentSession.update({
        where: { id: sessionId },
        data: { status: "NOT_DOSED", cancelledReason: NOT_DOSED_REASONS.NO_RIDE, endOfMonitoringAt: now, version: { increment: 1 } },
      });
    await appendAudit(tx, {
      actor,
      action: existing ? "checklist.update" : "checklist.create",
      entityType: "PreDoseChecklist",
      entityId: saved.id,
      siteId,
      patientId,
      before: existing,
      after: saved,
    });
    return { version: saved.version, notDosed: input.rideType === "NONE" };
  });
}

export async function setDose(actor: Actor, sessionId: string, input: z.output<typeof doseSchema>) {
  return transaction(async (tx) => {
    const { siteId, patientId, f, version } = await openSession(tx, sessionId);
    if (firstDeviceAt(f.devices)) throw new HttpError(409, "ALREADY_DOSED", "Devices are recorded: the dose can no longer change.");
    if (input.version !== version) throw conflictError("session");
    const doseMg = doseMgOf(input);
    const after = await tx.treatmentSession.update({
      where: { id: sessionId },
      data: { plannedDoseMg: doseMg, otherDoseReason: input.doseOption === "OTHER" ? input.otherDoseReason : null, version: { increment: 1 } },
      select: { plannedDoseMg: true, otherDoseReason: true, version: true },
    });
    await appendAudit(tx, {
      actor,
      action: "session.dose",
      entityType: "TreatmentSession",
      entityId: sessionId,
      siteId,
      patientId,
      before: { plannedDoseMg: f.plannedDoseMg, otherDoseReason: f.otherDoseReason },
      after,
    });
    return after;
  });
}
