import "server-only";
import { transaction } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/data";
import { HttpError, invalidInput, notFoundError } from "@/lib/http/errors";
import { minutesBetween } from "@/lib/rems/rule-result";
import type { z } from "zod";
import { recordDeviation } from "../deviations";
import { firstDeviceAt } from "../facts";
import type { designateFortySchema } from "../schema";
import { openForObservation, type Actor } from "./shared";

/**
 * R25: designates a reading already recorded as the 40-minute BP (the nurse took it but did not tick the
 * box). Any earlier designation becomes an extra reading. Outside the 30–50 minute window it is a
 * protocol deviation, recorded with the nurse's reason.
 */
export async function designateFortyMinute(actor: Actor, sessionId: string, input: z.output<typeof designateFortySchema>) {
  return transaction(async (tx) => {
    const { siteId, patientId, f } = await openForObservation(tx, sessionId);
    const t0 = firstDeviceAt(f.devices);
    if (!t0) throw new HttpError(409, "NOT_DOSED", "No device is recorded yet: there is no 40-minute reading to designate.");
    const v = f.vitals.find((x) => x.id === input.vitalId);
    if (!v) throw notFoundError("Reading");
    if (v.enteredInError) throw invalidInput({ vitalId: ["This reading was entered in error"] });
    if (v.systolic == null || v.diastolic == null) throw invalidInput({ vitalId: ["Choose a reading with a blood pressure"] });
    if (v.takenAt < t0) throw invalidInput({ vitalId: ["Choose a reading taken after the first device"] });
    const minutes = Math.floor(minutesBetween(t0, v.takenAt));
    const outside = minutes < f.params.fortyMinuteWindowStart || minutesBetween(t0, v.takenAt) > f.params.fortyMinuteWindowEnd;
    if (outside && input.reason.length < 5)
      throw invalidInput({
        reason: [
          `Taken at ${minutes} minutes, outside ${f.params.fortyMinuteWindowStart}–${f.params.fortyMinuteWindowEnd}: give the reason (at least 5 characters)`,
        ],
      });
    const previous = f.vitals.filter((x) => x.kind === "POST_40" && x.id !== v.id && !x.enteredInError).map((x) => x.id);
    if (previous.length) await tx.observationVital.updateMany({ where: { id: { in: previous } }, data: { kind: "EXTRA" } });
    await tx.observationVital.update({ where: { id: v.id }, data: { kind: "POST_40" } });
    if (outside)
      await recordDeviation(tx, actor, {
        sessionId,
        siteId,
        patientId,
        code: "R25_OUTSIDE_WINDOW",
        entityType: "ObservationVital",
        entityId: v.id,
        reason: input.reason,
        description: `40-minute blood pressure taken at ${minutes} minutes (window ${f.params.fortyMinuteWindowStart}–${f.params.fortyMinuteWindowEnd}).`,
      });
    await appendAudit(tx, {
      actor,
      action: "vital.designate_forty_minute",
      entityType: "ObservationVital",
      entityId: v.id,
      siteId,
      patientId,
      before: { kind: v.kind, previousFortyMinute: previous },
      after: { kind: "POST_40", minutesAfterFirstDevice: minutes },
      reason: input.reason || undefined,
    });
    return { id: v.id, minutesAfterFirstDevice: minutes, deviation: outside };
  });
}
