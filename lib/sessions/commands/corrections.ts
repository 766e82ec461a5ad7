import "server-only";
import { transaction } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/data";
import { HttpError, notFoundError } from "@/lib/http/errors";
import { syncDraftPmf } from "@/lib/pmf/data";
import type { z } from "zod";
import { devicesForDose, dosingStatus } from "../device-rules";
import type { doseCorrectionSchema } from "../schema";
import { openSession, type Actor } from "./shared";

const ERROR_TABLES = {
  vital: "observationVital",
  device: "deviceAdministration",
  sedation: "sedationAssessment",
  dissociation: "dissociationAssessment",
} as const;
export type EntryKind = keyof typeof ERROR_TABLES;

/** A wrong entry is never overwritten: it is marked entered-in-error (kept, struck through) and the right value is recorded anew. */
export async function markEnteredInError(actor: Actor, sessionId: string, kind: EntryKind, entryId: string, reason: string) {
  return transaction(async (tx) => {
    const { now, siteId, patientId, f } = await openSession(tx, sessionId);
    // The four tables share the entered-in-error columns; Prisma's delegates differ only in type.
    const table = tx[ERROR_TABLES[kind]] as unknown as {
      findFirst(a: object): Promise<{ id: string; enteredInErrorAt: Date | null } | null>;
      update(a: object): Promise<unknown>;
    };
    const before = await table.findFirst({ where: { id: entryId, sessionId } });
    if (!before) throw notFoundError("Entry");
    if (before.enteredInErrorAt) throw new HttpError(409, "ALREADY_IN_ERROR", "This entry is already marked entered in error.");
    const after = await table.update({ where: { id: entryId }, data: { enteredInErrorAt: now, enteredInErrorById: actor.id, enteredInErrorReason: reason } });
    if (kind === "device") {
      // The record was wrong, so that device was not given: it goes back on hand (the physical count will show any doubt).
      const deviceId = (after as { deviceId: string }).deviceId;
      await tx.device.update({ where: { id: deviceId }, data: { status: "ON_HAND", version: { increment: 1 } } });
      // One of two devices struck out: the session is dosing again, not monitoring.
      const status = dosingStatus({ ...f, devices: f.devices.map((d) => (d.id === entryId ? { ...d, enteredInError: true } : d)) });
      if (status !== f.status) await tx.treatmentSession.update({ where: { id: sessionId }, data: { status, version: { increment: 1 } } });
    }
    await appendAudit(tx, {
      actor,
      action: `${kind}.entered_in_error`,
      entityType: ERROR_TABLES[kind],
      entityId: entryId,
      siteId,
      patientId,
      before,
      after,
      reason,
    });
    await syncDraftPmf(tx, actor, sessionId);
    return { id: entryId };
  });
}

/**
 * A prescriber corrects the dose after devices were recorded, when the count shows the recorded dose was
 * wrong (84 mg recorded, two devices given: finished as 56 mg). Never below the devices already given.
 * With every device of the corrected dose given, dosing is complete and monitoring runs.
 */
export async function correctDose(actor: Actor, sessionId: string, input: z.output<typeof doseCorrectionSchema>) {
  return transaction(async (tx) => {
    const { siteId, patientId, f } = await openSession(tx, sessionId);
    const given = f.devices.filter((d) => !d.enteredInError).length;
    if (input.doseMg === f.plannedDoseMg)
      throw new HttpError(422, "INVALID_INPUT", "That is the dose already recorded.", { doseMg: ["That is the dose already recorded"] });
    if (devicesForDose(input.doseMg) < given)
      throw new HttpError(
        422,
        "INVALID_INPUT",
        `${given} devices are recorded: the dose cannot be less than ${given * 28} mg. Mark a wrong device entered in error first.`,
        { doseMg: [`At least ${given * 28} mg: ${given} devices are recorded`] },
      );
    // openSession refused a closed session, so the status is one of the open ones.
    const status = given ? dosingStatus({ ...f, plannedDoseMg: input.doseMg }) : (f.status as "CHECKED_IN" | "DOSING" | "MONITORING");
    await tx.treatmentSession.update({ where: { id: sessionId }, data: { plannedDoseMg: input.doseMg, status, version: { increment: 1 } } });
    await appendAudit(tx, {
      actor,
      action: "session.dose_correction",
      entityType: "TreatmentSession",
      entityId: sessionId,
      siteId,
      patientId,
      before: { plannedDoseMg: f.plannedDoseMg, status: f.status },
      after: { plannedDoseMg: input.doseMg, status },
      reason: input.reason,
    });
    return { plannedDoseMg: input.doseMg, status, devicesGiven: given };
  });
}
