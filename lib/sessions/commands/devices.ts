import "server-only";
import { transaction } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/data";
import { HttpError, ruleUnmet, warningsNotAcknowledged } from "@/lib/http/errors";
import type { z } from "zod";
import { deviceReadiness, dosingStatus } from "../device-rules";
import type { deviceSchema } from "../schema";
import { recordAcknowledgements } from "../alerts";
import { clinicalTime, noteLateEntry, openSession, timeContext, type Actor } from "./shared";
import { dateOnly } from "@/lib/time/days";

export async function recordDevice(actor: Actor, sessionId: string, input: z.output<typeof deviceSchema>) {
  return {
    result: await transaction(async (tx) => {
      const { now, siteId, patientId, f } = await openSession(tx, sessionId);
      const device = await tx.device.findUnique({ where: { id: input.deviceId }, include: { lot: true } });
      if (!device || device.lot.siteId !== siteId)
        throw new HttpError(422, "INVALID_INPUT", "Choose a device from this site's stock.", { deviceId: ["Choose a device from this site's stock"] });
      if (device.status !== "ON_HAND")
        throw new HttpError(409, "DEVICE_USED", `Device ${device.serial} is no longer on hand (${device.status.toLowerCase()}).`, {
          deviceId: ["This device is no longer on hand"],
        });
      const { at: administeredAt, late } = clinicalTime(input.administeredAt, await timeContext(tx, sessionId, now), "administeredAt", input.lateReason);
      const lateEntryReason = late ? input.lateReason! : null;
      const decision = deviceReadiness(f, { administeredAt, lotNumber: device.lot.lotNumber, lotExpiresOn: dateOnly(device.lot.expiresOn) }, now);
      if (!decision.ok) throw ruleUnmet(decision.unmet);
      const unacknowledged = decision.warnings.filter((w) => !input.acknowledgedWarnings.includes(w.code));
      if (unacknowledged.length) throw warningsNotAcknowledged(unacknowledged);
      const sequence = f.devices.filter((d) => !d.enteredInError).length + 1;
      const row = await tx.deviceAdministration.create({
        data: { sessionId, sequence, administeredAt, deviceId: device.id, recordedById: actor.id, recordedAt: now, lateEntryReason },
        select: { id: true, sequence: true, administeredAt: true },
      });
      const { count } = await tx.device.updateMany({
        where: { id: device.id, status: "ON_HAND" },
        data: { status: "ADMINISTERED", version: { increment: 1 } },
      });
      if (!count) throw new HttpError(409, "DEVICE_USED", "This device was just used by someone else.");
      const status = dosingStatus({
        ...f,
        devices: [...f.devices, { id: row.id, sequence, administeredAt, lotNumber: device.lot.lotNumber, lotExpiresOn: "", enteredInError: false }],
      });
      await tx.treatmentSession.update({ where: { id: sessionId }, data: { status, version: { increment: 1 } } });
      await appendAudit(tx, {
        actor,
        action: "device.administer",
        entityType: "DeviceAdministration",
        entityId: row.id,
        siteId,
        patientId,
        after: {
          sequence,
          administeredAt,
          deviceId: device.id,
          serial: device.serial,
          lot: device.lot.lotNumber,
          acknowledgedWarnings: decision.warnings.map((w) => w.code),
        },
      });
      if (lateEntryReason)
        await noteLateEntry(tx, actor, {
          sessionId,
          siteId,
          patientId,
          entityType: "DeviceAdministration",
          entityId: row.id,
          at: administeredAt,
          reason: lateEntryReason,
        });
      await recordAcknowledgements(
        tx,
        actor,
        { sessionId, siteId, patientId },
        `device ${sequence}`,
        { entityType: "DeviceAdministration", entityId: row.id },
        decision.warnings,
        now,
      );
      return { ...row, warnings: decision.warnings };
    }),
  };
}
