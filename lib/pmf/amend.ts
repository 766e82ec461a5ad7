import "server-only";
import { serverNow } from "@/lib/clock";
import type { z } from "zod";
import { transaction } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { conflictError, HttpError, notFoundError } from "@/lib/http/errors";
import { loadSessionFacts } from "@/lib/sessions/data";
import { addDays, siteDay } from "@/lib/time/days";
import { derivePmfFields } from "./data";
import { pmfSubmittable } from "./rules";
import type { amendPmfSchema } from "./schema";
import { pmfFieldsCsv } from "./fields-csv";

const alreadyAmended = () => new HttpError(409, "ALREADY_AMENDED", "This form already has an amendment: correct that one instead (reload to see it).");

/**
 * R38/R39: a submitted form never changes; a correction is a new form linked to it (amendsId), its
 * fields derived again from the session's current record, due 7 days after it is made, with the reason.
 * One amendment per form (amendsId is unique): a second attempt is a 409.
 */
export async function amendPmf(actor: NonNullable<AuditActor>, id: string, input: z.output<typeof amendPmfSchema>) {
  try {
    return await transaction(async (tx) => {
      const pmf = await tx.patientMonitoringForm.findUnique({
        where: { id },
        include: {
          amendedBy: { select: { id: true } },
          session: { select: { id: true, status: true, siteId: true, patientId: true, endOfMonitoringAt: true } },
        },
      });
      if (!pmf) throw notFoundError("Patient Monitoring Form");
      if (pmf.status !== "SUBMITTED")
        throw new HttpError(409, "NOT_SUBMITTED", "Only a submitted form is amended. This one is not submitted yet: it still follows the session record.");
      if (pmf.amendedBy) throw alreadyAmended();
      if (pmf.version !== input.version) throw conflictError("form");
      const end = pmf.session.endOfMonitoringAt;
      if (!end) throw new HttpError(409, "SESSION_OPEN", "The session has no end of monitoring: nothing to derive the form from.");
      const loaded = await loadSessionFacts(tx, pmf.session.id, end);
      if (!loaded) throw notFoundError("Session");
      const fields = await derivePmfFields(tx, pmf.session.id, loaded.facts, end);
      const status = pmfSubmittable(fields as Record<string, unknown>, pmf.session.status).ok ? "READY" : "DRAFT";
      // The 7-day clock of R37 runs from treatment; a correction gets the same 7 days from the day it is made.
      const today = siteDay(serverNow(), loaded.facts.site.timeZone);
      const dueDate = new Date(`${addDays(today, loaded.facts.params.pmfDueDays)}T00:00:00Z`);
      const amendment = await tx.patientMonitoringForm.create({
        data: {
          sessionId: pmf.sessionId,
          siteId: pmf.siteId,
          formVersion: pmf.formVersion,
          fields,
          fieldsCsv: pmfFieldsCsv(fields),
          status,
          dueDate,
          ownerId: pmf.ownerId,
          amendsId: pmf.id,
          amendmentReason: input.reason,
        },
        select: { id: true, status: true },
      });
      await appendAudit(tx, {
        actor,
        action: "pmf.amend",
        entityType: "PatientMonitoringForm",
        entityId: amendment.id,
        siteId: pmf.session.siteId,
        patientId: pmf.session.patientId,
        before: { amendsId: pmf.id, fields: pmf.fields },
        after: { status, fields },
        reason: input.reason,
      });
      return amendment;
    });
  } catch (e) {
    // Two administrators amending at once: the unique amendsId lets only one through.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw alreadyAmended();
    throw e;
  }
}
