import "server-only";
// The chair schedule: booking (rules judged on the server, R50 held by the database), no-shows and
// cancellations with a reason, and the day, week and board read models. Times in the site's zone.
import { serverNow } from "@/lib/clock";
import { db, Prisma, transaction } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { HttpError, notFoundError, ruleUnmet, warningsNotAcknowledged } from "@/lib/http/errors";
import { remsParametersAt } from "@/lib/rems/data";
import { formatTime } from "@/lib/time/format";
import { ACTIVE_STATUSES } from "@/lib/sessions/data";
import { dosedDays, DOSED_STATUSES, toFacts } from "@/lib/authorizations/data";
import { bookingFindings } from "./booking-rules";
import { daySlots, slotStartingAt, weekDays } from "./blocks";
import type { z } from "zod";
import type { bookAppointmentSchema } from "./schema";
import { dateOnly, siteDay } from "@/lib/time/days";

type Actor = NonNullable<AuditActor>;
const day = (d: Date) => dateOnly(d);
const asDate = (s: string) => new Date(`${s}T00:00:00Z`);

/** The partial unique indexes of migration 20261205001141 (R50 for the schedule). */
export const SCHEDULE_INDEXES = { chairSlot: "Appointment_one_per_chair_slot", patientDay: "Appointment_one_per_patient_day" } as const;

function scheduleIndexHit(e: unknown): keyof typeof SCHEDULE_INDEXES | null {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError) || e.code !== "P2002") return null;
  const text = `${e.message} ${JSON.stringify(e.meta ?? {})}`;
  if (text.includes(SCHEDULE_INDEXES.chairSlot)) return "chairSlot";
  if (text.includes(SCHEDULE_INDEXES.patientDay)) return "patientDay";
  return null;
}

const chairTaken = (chair: string, at: string) =>
  new HttpError(409, "CHAIR_BOOKED", `${chair} is already booked at ${at}.`, { startsAt: [`${chair} is already booked at ${at}`] });
const visitThatDay = (d: string) =>
  new HttpError(409, "R23_SECOND_TODAY", `The patient already has a visit booked on ${d}: only one dosing session a calendar day.`, {
    startsAt: ["The patient already has a visit that day"],
  });

/** Book a chair block for a patient. HARD findings refuse (422 with the reason); SOFT ones need acknowledging. */
export async function bookAppointment(actor: Actor, input: z.output<typeof bookAppointmentSchema>) {
  const now = serverNow();
  return transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Patient" WHERE "id" = ${input.patientId} FOR UPDATE`;
    const patient = await tx.patient.findUnique({
      where: { id: input.patientId },
      select: {
        id: true,
        siteId: true,
        firstName: true,
        lastName: true,
        archivedAt: true,
        site: { select: { id: true, settingType: true, timeZone: true, appointmentBlockMinutes: true, deactivatedAt: true } },
        enrollments: {
          where: { supersededBy: { is: null } },
          take: 1,
          select: { patientSignedAt: true, prescriberSignedAt: true, submittedAt: true, channel: true, remsConfirmation: true },
        },
        flags: { where: { removedAt: null }, select: { category: true, kind: true, recordedAt: true } },
      },
    });
    if (!patient) throw notFoundError("Patient");
    const site = patient.site;
    const [chair, nurse] = await Promise.all([
      tx.chair.findFirst({ where: { id: input.chairId, siteId: site.id, active: true }, select: { id: true, label: true } }),
      tx.user.findFirst({
        where: { id: input.monitoringNurseId, role: { in: ["NURSE", "PSYCHIATRIST"] }, disabledAt: null, sites: { some: { siteId: site.id } } },
        select: { id: true },
      }),
    ]);
    const d = siteDay(input.startsAt, site.timeZone);
    const slot = slotStartingAt(input.startsAt, d, site.timeZone, site.appointmentBlockMinutes);
    const fieldErrors: Record<string, string[]> = {};
    if (!chair) fieldErrors.chairId = ["Choose a chair at this site"];
    if (!nurse) fieldErrors.monitoringNurseId = ["Choose a nurse who works at this site"];
    if (!slot) fieldErrors.startsAt = [`Choose one of the site's ${site.appointmentBlockMinutes}-minute blocks`];
    else if (input.startsAt.getTime() <= now.getTime()) fieldErrors.startsAt = ["This block has already started: choose a later one"];
    if (site.deactivatedAt) fieldErrors.chairId = ["This site has been deactivated"];
    if (patient.archivedAt) fieldErrors.patientId = ["This patient's record is archived"];
    if (Object.keys(fieldErrors).length) throw new HttpError(422, "INVALID_INPUT", "Please correct the highlighted fields.", fieldErrors);

    const [sessionsThatDay, otherVisits, auths, lastDosed, params] = await Promise.all([
      tx.treatmentSession.count({ where: { patientId: patient.id, treatmentDate: asDate(d), status: { notIn: ["CANCELLED", "RESCHEDULED", "NOT_DOSED"] } } }),
      tx.appointment.findMany({ where: { patientId: patient.id, status: "BOOKED" }, select: { localDate: true } }),
      tx.priorAuthorization.findMany({ where: { patientId: patient.id } }),
      tx.treatmentSession.findFirst({
        where: { patientId: patient.id, status: { in: [...DOSED_STATUSES] } },
        orderBy: { checkedInAt: "desc" },
        select: { checkedInAt: true },
      }),
      remsParametersAt(input.startsAt, tx),
    ]);
    const booked = otherVisits.map((v) => day(v.localDate));
    const dosed = (await dosedDays([patient.id], tx)).get(patient.id) ?? [];
    // a session checked in but not yet dosed counts for the payer's frequency too (it will be, or it ends NOT_DOSED)
    const inChair = (
      await tx.treatmentSession.findMany({
        where: { patientId: patient.id, status: "CHECKED_IN", treatmentDate: { not: null } },
        select: { treatmentDate: true },
      })
    ).map((s) => day(s.treatmentDate!));
    const lastDosedAt = lastDosed?.checkedInAt ?? null;
    const findings = bookingFindings({
      day: d,
      outpatient: site.settingType === "OUTPATIENT",
      enrollmentGateEnabled: params.enrollmentGateEnabled,
      enrollment: patient.enrollments[0] ?? null,
      contraindications: patient.flags.filter((f) => f.category === "CONTRAINDICATION").map((f) => f.kind),
      gateCautions: patient.flags.filter((f) => f.category === "CAUTION" && (!lastDosedAt || f.recordedAt > lastDosedAt)).map((f) => f.kind),
      sameDay: sessionsThatDay ? "session" : booked.includes(d) ? "appointment" : null,
      authorizations: auths.map(toFacts),
      usedDays: [...new Set([...dosed, ...inChair, ...booked])].filter((x) => x !== d),
    });
    const hard = findings.filter((f) => f.strength !== "SOFT");
    if (hard.length) throw ruleUnmet(hard);
    const unacknowledged = findings.filter((f) => f.strength === "SOFT" && !input.acknowledgedWarnings.includes(f.code));
    if (unacknowledged.length) throw warningsNotAcknowledged(unacknowledged);

    const at = formatTime(slot!.startsAt, site.timeZone);
    const row = await tx.appointment
      .create({
        data: {
          siteId: site.id,
          chairId: chair!.id,
          patientId: patient.id,
          monitoringNurseId: nurse!.id,
          startsAt: slot!.startsAt,
          endsAt: slot!.endsAt,
          localDate: asDate(d),
          acknowledgedWarnings: findings.filter((f) => f.strength === "SOFT").map((f) => f.code),
          bookedById: actor.id,
        },
        select: { id: true },
      })
      .catch((e) => {
        const hit = scheduleIndexHit(e);
        throw hit === "chairSlot" ? chairTaken(chair!.label, `${d} ${at}`) : hit === "patientDay" ? visitThatDay(d) : e;
      });
    await appendAudit(tx, {
      actor,
      action: "appointment.book",
      entityType: "Appointment",
      entityId: row.id,
      siteId: site.id,
      patientId: patient.id,
      after: { ...input, localDate: d, endsAt: slot!.endsAt, warnings: findings.map((f) => f.code) },
    });
    return { id: row.id, localDate: d, startsAt: slot!.startsAt, chair: chair!.label, warnings: findings.map((f) => ({ code: f.code, message: f.message })) };
  });
}

/** Record a no-show (only once the block has started) or a cancellation, each with its reason. */
export async function closeAppointment(actor: Actor, id: string, status: "NO_SHOW" | "CANCELLED", reason: string) {
  const now = serverNow();
  return transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Appointment" WHERE "id" = ${id} FOR UPDATE`;
    const before = await tx.appointment.findUnique({ where: { id } });
    if (!before) throw notFoundError("Appointment");
    if (before.status !== "BOOKED")
      throw new HttpError(
        409,
        "APPOINTMENT_CLOSED",
        `This appointment is already ${before.status === "CHECKED_IN" ? "checked in" : before.status === "NO_SHOW" ? "recorded as a no-show" : "cancelled"}.`,
      );
    if (status === "NO_SHOW" && before.startsAt.getTime() > now.getTime())
      throw new HttpError(422, "INVALID_INPUT", "A no-show can be recorded once the block has started.", {
        reason: ["A no-show can be recorded once the block has started"],
      });
    await tx.appointment.update({ where: { id }, data: { status, statusReason: reason, statusChangedAt: now, version: { increment: 1 } } });
    await appendAudit(tx, {
      actor,
      action: status === "NO_SHOW" ? "appointment.no_show" : "appointment.cancel",
      entityType: "Appointment",
      entityId: id,
      siteId: before.siteId,
      patientId: before.patientId,
      before: { status: before.status },
      after: { status, statusReason: reason },
      reason,
    });
    return { id, status };
  });
}

export async function appointmentSite(id: string): Promise<string | null> {
  return (await db().appointment.findUnique({ where: { id }, select: { siteId: true } }))?.siteId ?? null;
}

export type AppointmentDto = {
  id: string;
  chairId: string;
  startsAt: string;
  endsAt: string;
  time: string;
  status: string;
  statusReason: string | null;
  patient: { id: string; name: string; mrn: string; birthDate: string };
  nurse: string | null;
  sessionId: string | null;
};

const appointmentSelect = {
  id: true,
  chairId: true,
  startsAt: true,
  endsAt: true,
  status: true,
  statusReason: true,
  patient: { select: { id: true, firstName: true, lastName: true, mrn: true, birthDate: true } },
  monitoringNurse: { select: { firstName: true, lastName: true } },
  session: { select: { id: true } },
} as const;

type AppointmentRow = Prisma.AppointmentGetPayload<{ select: typeof appointmentSelect }>;
const toDto = (a: AppointmentRow, timeZone: string): AppointmentDto => ({
  id: a.id,
  chairId: a.chairId,
  startsAt: a.startsAt.toISOString(),
  endsAt: a.endsAt.toISOString(),
  time: formatTime(a.startsAt, timeZone),
  status: a.status,
  statusReason: a.statusReason,
  patient: { id: a.patient.id, name: `${a.patient.lastName}, ${a.patient.firstName}`, mrn: a.patient.mrn, birthDate: day(a.patient.birthDate) },
  nurse: a.monitoringNurse ? `${a.monitoringNurse.firstName} ${a.monitoringNurse.lastName}` : null,
  sessionId: a.session?.id ?? null,
});

async function siteForSchedule(siteId: string) {
  return db().site.findUnique({
    where: { id: siteId },
    select: {
      id: true,
      name: true,
      timeZone: true,
      appointmentBlockMinutes: true,
      chairs: { where: { active: true }, orderBy: { label: "asc" }, select: { id: true, label: true } },
    },
  });
}

/** One site's day: chairs × the day's blocks, with the appointments (cancelled ones listed apart). */
export async function scheduleDay(siteId: string, d: string) {
  const site = await siteForSchedule(siteId);
  if (!site) return null;
  const slots = daySlots(d, site.timeZone, site.appointmentBlockMinutes);
  const list = await db().appointment.findMany({
    where: { siteId, localDate: asDate(d) },
    orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
    select: appointmentSelect,
  });
  return {
    site: { id: site.id, name: site.name, timeZone: site.timeZone, blockMinutes: site.appointmentBlockMinutes },
    day: d,
    chairs: site.chairs,
    slots: slots.map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), label: s.label })),
    appointments: list.map((a) => toDto(a, site.timeZone)),
  };
}
export type ScheduleDay = NonNullable<Awaited<ReturnType<typeof scheduleDay>>>;

/** One site's week (Monday to Sunday): per day, the live appointments and the free blocks left. */
export async function scheduleWeek(siteId: string, d: string) {
  const site = await siteForSchedule(siteId);
  if (!site) return null;
  const days = weekDays(d);
  const list = await db().appointment.findMany({
    where: { siteId, localDate: { gte: asDate(days[0]), lte: asDate(days[6]) }, status: { in: ["BOOKED", "CHECKED_IN"] } },
    orderBy: [{ startsAt: "asc" }],
    select: appointmentSelect,
  });
  return {
    site: { id: site.id, name: site.name, timeZone: site.timeZone, blockMinutes: site.appointmentBlockMinutes },
    chairs: site.chairs.length,
    days: days.map((x) => {
      const appts = list.filter((a) => siteDay(a.startsAt, site.timeZone) === x).map((a) => toDto(a, site.timeZone));
      const blocks = daySlots(x, site.timeZone, site.appointmentBlockMinutes).length * site.chairs.length;
      return { day: x, appointments: appts, free: Math.max(0, blocks - appts.length) };
    }),
  };
}
export type ScheduleWeek = NonNullable<Awaited<ReturnType<typeof scheduleWeek>>>;

/** What the booking form offers at a site: its chairs and the staff who can monitor. */
export async function bookingChoices(siteId: string) {
  return db().user.findMany({
    where: { disabledAt: null, role: { in: ["NURSE", "PSYCHIATRIST"] }, sites: { some: { siteId } } },
    orderBy: [{ role: "asc" }, { lastName: "asc" }],
    select: { id: true, firstName: true, lastName: true },
  });
}

/** The board's extras: today's appointments not yet checked in, and the chairs free now, per site. */
export async function boardSchedule(siteIds: string[], now: Date) {
  const sites = await db().site.findMany({
    where: { id: { in: siteIds }, deactivatedAt: null },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      timeZone: true,
      chairs: {
        where: { active: true },
        orderBy: { label: "asc" },
        select: { id: true, label: true, sessions: { where: { status: { in: [...ACTIVE_STATUSES] }, backEntryReason: null }, select: { id: true }, take: 1 } },
      },
    },
  });
  const out = [];
  for (const s of sites) {
    const today = siteDay(now, s.timeZone);
    const appts = await db().appointment.findMany({
      where: { siteId: s.id, localDate: asDate(today), status: "BOOKED" },
      orderBy: [{ startsAt: "asc" }],
      select: { ...appointmentSelect, chair: { select: { label: true } } },
    });
    out.push({
      siteId: s.id,
      siteName: s.name,
      today,
      freeChairs: s.chairs.filter((c) => !c.sessions.length).map((c) => ({ id: c.id, label: c.label })),
      appointments: appts.map((a) => ({ ...toDto(a, s.timeZone), chair: a.chair.label })),
    });
  }
  return out;
}
export type BoardSchedule = Awaited<ReturnType<typeof boardSchedule>>;
