import "server-only";
import { serverNow } from "@/lib/clock";
import type { z } from "zod";
import { appendAudit } from "@/lib/audit/data";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db, transaction } from "@/lib/db/client";
import { HttpError, invalidInput, notFoundError } from "@/lib/http/errors";
import { cssrsYesCount } from "./cssrs";
import { phq9Item9Flag, total } from "./rules";
import type { outcomeSchema } from "./schema";

/** Records one measure; the total is computed here from the items. PHQ-9 item 9 above 0 comes back flagged. */
export async function recordOutcome(user: CurrentUser, patientId: string, input: z.output<typeof outcomeSchema>) {
  const now = serverNow();
  const takenAt = input.takenAt ?? now;
  if (takenAt.getTime() > now.getTime()) throw invalidInput({ takenAt: ["This time is in the future"] });
  const sum = input.instrument === "CSSRS" ? cssrsYesCount(input.items) : total(input.instrument, input.items);
  return transaction(async (tx) => {
    const patient = await tx.patient.findUnique({ where: { id: patientId }, select: { siteId: true } });
    if (!patient) throw notFoundError("Patient");
    if (input.sessionId && !(await tx.treatmentSession.findFirst({ where: { id: input.sessionId, patientId }, select: { id: true } })))
      throw new HttpError(422, "INVALID_INPUT", "That session is not this patient's.", { sessionId: ["Choose one of this patient's sessions"] });
    const row = await tx.outcomeMeasure.create({
      data: {
        patientId,
        sessionId: input.sessionId ?? null,
        instrument: input.instrument,
        itemScores: input.items,
        total: sum,
        takenAt,
        recordedById: user.id,
      },
    });
    await appendAudit(tx, {
      actor: { id: user.id, email: user.email, role: user.role },
      action: "outcome.record",
      entityType: "OutcomeMeasure",
      entityId: row.id,
      siteId: patient.siteId,
      patientId,
      after: row,
    });
    return { id: row.id, total: sum, item9Flag: input.instrument === "PHQ9" && phq9Item9Flag(input.items) };
  });
}

export async function outcomesOf(patientId: string) {
  const rows = await db().outcomeMeasure.findMany({ where: { patientId, enteredInErrorAt: null }, orderBy: { takenAt: "asc" } });
  const users = await db().user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.recordedById))] } },
    select: { id: true, firstName: true, lastName: true },
  });
  const name = new Map(users.map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
  return rows.map((r) => ({
    id: r.id,
    instrument: r.instrument,
    items: r.itemScores,
    total: r.total,
    takenAt: r.takenAt,
    by: name.get(r.recordedById) ?? "unknown",
  }));
}
