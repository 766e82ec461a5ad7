import "server-only";
import { serverNow } from "@/lib/clock";
import { transaction } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/data";
import { HttpError, notFoundError, ruleUnmet } from "@/lib/http/errors";
import { remsParametersAt } from "@/lib/rems/data";
import type { z } from "zod";
import { siteMayTreat } from "../eligibility-rules";
import type { checkInSchema } from "../schema";
import { chairBusy, patientHasSessionToday, r50Conflict } from "./r50";
import { checkBackEntryCheckIn } from "../clinical-time-rules";
import { recordDeviation } from "../deviations";
import { refused, type Actor } from "./shared";
import { ACTIVE_STATUSES } from "../data";
import type { Tx } from "@/lib/db/client";
import { dateOnly, siteDay } from "@/lib/time/days";

/** Checking in from a booked appointment: it must be this patient's, for today, and still booked; it becomes CHECKED_IN. */
async function checkInAppointment(tx: Tx, appointmentId: string, patientId: string, treatmentDate: string): Promise<string> {
  await tx.$executeRaw`SELECT 1 FROM "Appointment" WHERE "id" = ${appointmentId} FOR UPDATE`;
  const a = await tx.appointment.findUnique({ where: { id: appointmentId }, select: { patientId: true, status: true, localDate: true } });
  const bad = (message: string) => new HttpError(409, "APPOINTMENT_NOT_BOOKED", message, { appointmentId: [message] });
  if (!a || a.patientId !== patientId) throw bad("This appointment is not this patient's.");
  if (a.status !== "BOOKED") throw bad(a.status === "CHECKED_IN" ? "This appointment is already checked in." : "This appointment is no longer booked.");
  if (dateOnly(a.localDate) !== treatmentDate) throw bad("This appointment is not for today.");
  await tx.appointment.update({ where: { id: appointmentId }, data: { status: "CHECKED_IN", statusChangedAt: serverNow(), version: { increment: 1 } } });
  return appointmentId;
}

/**
 * The server stamps check-in (R49). A downtime back-entry carries the real, past check-in time with a reason:
 * it is marked as such everywhere, does not hold its chair, and still counts for the patient's day (R23).
 */
export async function checkIn(actor: Actor, input: Omit<z.output<typeof checkInSchema>, "backEntry"> & { backEntry?: boolean }) {
  const now = serverNow();
  const backEntryReason = input.backEntry ? input.backEntryReason! : null;
  let checkedInAt = now;
  if (backEntryReason) {
    const c = checkBackEntryCheckIn(input.checkedInAt!, now);
    if (!c.ok) throw refused(c);
    checkedInAt = c.at;
  }
  return {
    result: await transaction(async (tx) => {
      // Row locks (patient, then chair: one order everywhere) so the pre-checks below see a settled state;
      // the R50 partial unique indexes are what guarantee it.
      await tx.$executeRaw`SELECT 1 FROM "Patient" WHERE "id" = ${input.patientId} FOR UPDATE`;
      await tx.$executeRaw`SELECT 1 FROM "Chair" WHERE "id" = ${input.chairId} FOR UPDATE`;
      const patient = await tx.patient.findUnique({ where: { id: input.patientId }, include: { site: true } });
      if (!patient) throw notFoundError("Patient");
      const site = patient.site;
      const [chair, prescriber, nurse] = await Promise.all([
        tx.chair.findFirst({ where: { id: input.chairId, siteId: site.id, active: true } }),
        tx.user.findFirst({ where: { id: input.prescriberOnSiteId, role: "PSYCHIATRIST", disabledAt: null, sites: { some: { siteId: site.id } } } }),
        tx.user.findFirst({
          where: { id: input.monitoringHcpId, role: { in: ["NURSE", "PSYCHIATRIST"] }, disabledAt: null, sites: { some: { siteId: site.id } } },
        }),
      ]);
      const fieldErrors: Record<string, string[]> = {};
      if (!chair) fieldErrors.chairId = ["Choose a chair at this site"];
      if (!prescriber) fieldErrors.prescriberOnSiteId = ["Choose a prescriber who works at this site"];
      if (!nurse) fieldErrors.monitoringHcpId = ["Choose a nurse who works at this site"];
      if (Object.keys(fieldErrors).length) throw new HttpError(422, "INVALID_INPUT", "Please correct the highlighted fields.", fieldErrors);
      const siteFindings = siteMayTreat({ ...site, deactivated: !!site.deactivatedAt }, await remsParametersAt(checkedInAt, tx)).filter(
        (f) => f.strength === "HARD",
      );
      if (siteFindings.length) throw ruleUnmet(siteFindings);
      const treatmentDate = siteDay(checkedInAt, site.timeZone);
      const busyChair =
        !backEntryReason &&
        (await tx.treatmentSession.findFirst({ where: { chairId: input.chairId, status: { in: [...ACTIVE_STATUSES] }, backEntryReason: null } }));
      const names = { chair: chair!.label, patient: `${patient.firstName} ${patient.lastName}` };
      if (busyChair) throw chairBusy(names.chair);
      const today = await tx.treatmentSession.findFirst({
        where: { patientId: patient.id, treatmentDate: new Date(`${treatmentDate}T00:00:00Z`), status: { notIn: ["CANCELLED", "RESCHEDULED", "NOT_DOSED"] } },
      });
      if (today) throw patientHasSessionToday(names.patient);
      const appointmentId = input.appointmentId ? await checkInAppointment(tx, input.appointmentId, patient.id, treatmentDate) : null;
      const s = await tx.treatmentSession
        .create({
          data: {
            patientId: patient.id,
            siteId: site.id,
            chairId: input.chairId,
            prescriberOnSiteId: input.prescriberOnSiteId,
            monitoringHcpId: input.monitoringHcpId,
            indication: input.indication,
            status: "CHECKED_IN",
            checkedInAt,
            backEntryReason,
            treatmentDate: new Date(`${treatmentDate}T00:00:00Z`),
            appointmentId,
          },
          select: { id: true },
        })
        .catch((e) => {
          throw r50Conflict(e, names);
        });
      await appendAudit(tx, {
        actor,
        action: "session.check_in",
        entityType: "TreatmentSession",
        entityId: s.id,
        siteId: site.id,
        patientId: patient.id,
        after: { ...input, checkedInAt, treatmentDate },
      });
      if (backEntryReason)
        await recordDeviation(tx, actor, {
          sessionId: s.id,
          siteId: site.id,
          patientId: patient.id,
          code: "R49_BACK_ENTRY",
          description: "Session documented after the fact (downtime back-entry)",
          reason: backEntryReason,
          entityType: "TreatmentSession",
          entityId: s.id,
        });
      return s;
    }),
  };
}
