import "server-only";
import { transaction } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/data";
import { HttpError } from "@/lib/http/errors";
import type { z } from "zod";
import { firstDeviceAt } from "../facts";
import { NOT_DOSED_REASONS, type notDosedSchema } from "../schema";
import { openSession, type Actor } from "./shared";

/**
 * Ends a session in which no device was given (prescriber delayed, no ride, patient declined, other).
 * It leaves the board at once; being closed, it takes no device, and it has no PMF. It does not count
 * as the day's dosing session (R23/R50), so the patient may be checked in again the same day.
 */
export async function endNotDosed(actor: Actor, sessionId: string, input: z.output<typeof notDosedSchema>) {
  return transaction(async (tx) => {
    const { now, siteId, patientId, f } = await openSession(tx, sessionId);
    if (firstDeviceAt(f.devices))
      throw new HttpError(
        409,
        "ALREADY_DOSED",
        "A device is recorded: this patient was dosed. Mark a wrong device entered in error first, or finish the session.",
      );
    const reason = `${NOT_DOSED_REASONS[input.reason]}${input.note ? `: ${input.note}` : ""}`;
    await tx.treatmentSession.update({
      where: { id: sessionId },
      data: { status: "NOT_DOSED", cancelledReason: reason, endOfMonitoringAt: now, version: { increment: 1 } },
    });
    await appendAudit(tx, {
      actor,
      action: "session.not_dosed",
      entityType: "TreatmentSession",
      entityId: sessionId,
      siteId,
      patientId,
      before: { status: f.status },
      after: { status: "NOT_DOSED", ...input },
      reason,
    });
    return { status: "NOT_DOSED" as const, reason };
  });
}
