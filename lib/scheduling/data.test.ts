import { describe, expect, it } from "vitest";
import { atTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { refusal } from "@/lib/http/testing/refusal";
import { HttpError } from "@/lib/http/errors";
import { addFlag } from "@/lib/patients/flags";
import { checkIn } from "@/lib/sessions/commands";
import { addDays, siteDay } from "@/lib/time/days";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { recordAuthorization } from "@/lib/authorizations/data";
import { bookAppointment, boardSchedule, closeAppointment, scheduleDay, scheduleWeek } from "./data";
import { daySlots } from "./blocks";

type Fixture = Awaited<ReturnType<typeof clinicFixture>>;
const NY = "America/New_York";
const today = () => siteDay(new Date(), NY);
const tomorrow = () => addDays(today(), 1);
const slotsOf = (d: string) => daySlots(d, NY, 150);

/** A clinic with an authorization covering the next weeks (twice weekly, 20 sessions). */
async function clinic(opts: { enrolled?: boolean; authorized?: boolean } = {}) {
  const c = await clinicFixture({ enrolled: opts.enrolled });
  if (opts.authorized !== false)
    await recordAuthorization(c.psych, c.patient.id, {
      payerName: "Acme Health",
      reference: `PA-${c.patient.mrn}`,
      startDate: addDays(today(), -7),
      endDate: addDays(today(), 60),
      phases: [
        { sessionsPerWeek: 2, weeks: 4 },
        { sessionsPerWeek: 1, weeks: 8 },
      ],
      sessionsApproved: 20,
    });
  return c;
}
const book = (c: Fixture, over: Partial<{ patientId: string; chairId: string; startsAt: Date; acknowledgedWarnings: string[] }> = {}) =>
  bookAppointment(c.nurse, {
    patientId: c.patient.id,
    chairId: c.chair.id,
    startsAt: slotsOf(tomorrow())[1].startsAt,
    monitoringNurseId: c.nurse.id,
    acknowledgedWarnings: [],
    ...over,
  });
const otherPatient = async (c: Fixture, i = 0) => {
  const p = await db().patient.create({
    data: {
      siteId: c.site.id,
      mrn: `${c.patient.mrn}-o${i}`,
      firstName: `Other${i}`,
      lastName: c.patient.lastName,
      birthDate: new Date("1979-01-01"),
      sex: "MALE",
      indication: "TRD",
      enrollments: {
        create: {
          prescriberId: c.psych.id,
          siteId: c.site.id,
          patientSignedAt: new Date("2026-01-05"),
          prescriberSignedAt: new Date("2026-01-05"),
          submittedAt: new Date("2026-01-05"),
          channel: "ONLINE",
          remsConfirmation: `E-${c.patient.mrn}-${i}`,
        },
      },
    },
  });
  await recordAuthorization(c.psych, p.id, {
    payerName: "Acme Health",
    reference: `PA-${p.mrn}`,
    startDate: addDays(today(), -7),
    endDate: addDays(today(), 60),
    phases: [{ sessionsPerWeek: 2, weeks: 12 }],
    sessionsApproved: 20,
  });
  return p;
};

describe("booking a chair block", () => {
  it("an enrolled patient with a covering authorization is booked into tomorrow's 09:30 block, audited, on the day view", async () => {
    const c = await clinic();
    const r = await book(c);
    expect(r).toMatchObject({ localDate: tomorrow(), chair: "Chair 1", warnings: [] });
    const a = await db().appointment.findUniqueOrThrow({ where: { id: r.id } });
    expect(a.status).toBe("BOOKED");
    expect(a.endsAt.getTime() - a.startsAt.getTime()).toBe(150 * 60_000);
    expect(await db().auditEvent.count({ where: { entityType: "Appointment", entityId: r.id, action: "appointment.book" } })).toBe(1);
    const dayView = await scheduleDay(c.site.id, tomorrow());
    expect(dayView!.appointments.map((x) => [x.time, x.patient.mrn])).toEqual([["09:30", c.patient.mrn]]);
    const week = await scheduleWeek(c.site.id, tomorrow());
    expect(week!.days.find((d) => d.day === tomorrow())!.free).toBe(5 * 2 - 1);
  });

  it("not enrolled: refused with the reason (422 RULE_UNMET), nothing saved", async () => {
    const c = await clinic({ enrolled: false });
    const e = await refusal(book(c));
    expect(e.status).toBe(422);
    expect(e.message).toContain("not enrolled in the SPRAVATO REMS");
    expect(await db().appointment.count({ where: { patientId: c.patient.id } })).toBe(0);
  });

  it("no prior authorization on file: refused with the reason", async () => {
    const c = await clinic({ authorized: false });
    const e = await refusal(book(c));
    expect(e.status).toBe(422);
    expect(e.message).toBe(`No prior authorization is on file for a session on ${tomorrow()}.`);
  });

  it("an open GATE caution warns: refused until acknowledged, then booked with the acknowledgement kept", async () => {
    const c = await clinic();
    await addFlag(c.psych, c.patient.id, { kind: "PSYCHOSIS_HISTORY", note: "" });
    const e = await refusal(book(c));
    expect(e.code).toBe("WARNINGS_NOT_ACKNOWLEDGED");
    expect(e.message).toContain("history of psychosis");
    const r = await book(c, { acknowledgedWarnings: ["BOOK_GATE_FLAG"] });
    expect((await db().appointment.findUniqueOrThrow({ where: { id: r.id } })).acknowledgedWarnings).toEqual(["BOOK_GATE_FLAG"]);
  });

  it("R23: a second visit the same day is refused, in another chair and block too", async () => {
    const c = await clinic();
    await book(c);
    const e = await refusal(book(c, { chairId: c.chair2.id, startsAt: slotsOf(tomorrow())[3].startsAt }));
    expect(e.status).toBe(422);
    expect(e.message).toContain(`already has a visit booked on ${tomorrow()}`);
  });

  it("R23: a patient with a session today cannot be booked later today", async () => {
    const c = await clinic();
    await checkIn(c.nurse, { patientId: c.patient.id, chairId: c.chair.id, prescriberOnSiteId: c.psych.id, monitoringHcpId: c.nurse.id, indication: "TRD" });
    const last = slotsOf(today()).at(-1)!;
    const e = await refusal(atTime(new Date(last.startsAt.getTime() - 60_000), () => book(c, { startsAt: last.startsAt })));
    expect(e.message).toContain(`already has a session on ${today()}`);
  });

  it("the payer's frequency counts a session in the chair today and booked visits: once weekly refuses tomorrow", async () => {
    const c = await clinic({ authorized: false });
    await recordAuthorization(c.psych, c.patient.id, {
      payerName: "Acme Health",
      reference: "WEEKLY",
      startDate: today(),
      endDate: addDays(today(), 60),
      phases: [{ sessionsPerWeek: 1, weeks: 8 }],
      sessionsApproved: 8,
    });
    await checkIn(c.nurse, { patientId: c.patient.id, chairId: c.chair.id, prescriberOnSiteId: c.psych.id, monitoringHcpId: c.nurse.id, indication: "TRD" });
    const e = await refusal(book(c));
    expect(e.message).toContain("Acme Health authorization WEEKLY allows 1 session a week, and 1 is already used or booked");
    // a week later the next window is open
    expect((await book(c, { startsAt: slotsOf(addDays(today(), 7))[0].startsAt })).localDate).toBe(addDays(today(), 7));
  });

  it("a start that is not one of the site's blocks, or already past, is refused on the field", async () => {
    const c = await clinic();
    const off = await refusal(book(c, { startsAt: new Date(slotsOf(tomorrow())[1].startsAt.getTime() + 30 * 60_000) }));
    expect(off.fieldErrors?.startsAt).toEqual(["Choose one of the site's 150-minute blocks"]);
    const past = await refusal(book(c, { startsAt: slotsOf(addDays(today(), -1))[1].startsAt }));
    expect(past.fieldErrors?.startsAt).toEqual(["This block has already started: choose a later one"]);
  });

  it("R50: two nurses booking the same chair block at once — the database lets exactly one win; the other gets a 409 naming the chair", async () => {
    const c = await clinic();
    const others = await Promise.all([otherPatient(c, 1), otherPatient(c, 2), otherPatient(c, 3)]);
    const outcomes = await Promise.allSettled([c.patient, ...others].map((p) => book(c, { patientId: p.id })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === "rejected")) {
      const e = (o as PromiseRejectedResult).reason as HttpError;
      expect(e).toBeInstanceOf(HttpError);
      expect(e.status).toBe(409);
      expect(e.message).toMatch(/^Chair 1 is already booked at \d{4}-\d{2}-\d{2} 09:30\.$/);
    }
    expect(await db().appointment.count({ where: { chairId: c.chair.id, status: "BOOKED" } })).toBe(1);
  });

  it("the partial unique index holds for a write that skips the command; a cancelled appointment frees the block", async () => {
    const c = await clinic();
    const r = await book(c);
    const a = await db().appointment.findUniqueOrThrow({ where: { id: r.id } });
    const p = await otherPatient(c, 9);
    const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = a;
    const dup = await db()
      .appointment.create({ data: { ...copy, patientId: p.id } })
      .catch((e) => e);
    expect(String(dup.message ?? dup)).toContain("Unique constraint");
    expect(String(dup.message ?? dup)).toContain("Unique constraint");
    const early = await refusal(closeAppointment(c.nurse, r.id, "NO_SHOW", "Did not come"));
    expect(early.message).toBe("A no-show can be recorded once the block has started.");
    await closeAppointment(c.nurse, r.id, "CANCELLED", "Patient has a cold");
    expect(await db().appointment.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "CANCELLED", statusReason: "Patient has a cold" });
    expect(await db().auditEvent.count({ where: { entityId: r.id, action: "appointment.cancel", reason: "Patient has a cold" } })).toBe(1);
    expect((await book(c, { patientId: p.id })).chair).toBe("Chair 1");
    expect((await refusal(closeAppointment(c.nurse, r.id, "CANCELLED", "again"))).status).toBe(409);
  });
});

describe("checking in from an appointment", () => {
  async function bookedToday() {
    const c = await clinic();
    const first = slotsOf(today())[0];
    const r = await atTime(new Date(first.startsAt.getTime() - 3_600_000), () => book(c, { startsAt: first.startsAt }));
    return { c, appointmentId: r.id };
  }
  const input = (c: Fixture, appointmentId: string, chairId = c.chair2.id) => ({
    patientId: c.patient.id,
    chairId,
    prescriberOnSiteId: c.psych.id,
    monitoringHcpId: c.nurse.id,
    indication: "TRD" as const,
    appointmentId,
  });

  it("the board lists today's booked appointment with MRN and birth date, and the free chairs", async () => {
    const { c, appointmentId } = await bookedToday();
    const [b] = await boardSchedule([c.site.id], new Date());
    expect(b.appointments.map((a) => [a.id, a.patient.mrn, a.patient.birthDate, a.chair])).toEqual([[appointmentId, c.patient.mrn, "1980-04-02", "Chair 1"]]);
    expect(b.freeChairs.map((x) => x.label)).toEqual(["Chair 1", "Chair 2"]);
  });

  it("links the session to the appointment and marks it CHECKED_IN; it leaves the board's list; the chair is no longer free", async () => {
    const { c, appointmentId } = await bookedToday();
    const { result } = await checkIn(c.nurse, input(c, appointmentId));
    expect((await db().treatmentSession.findUniqueOrThrow({ where: { id: result.id } })).appointmentId).toBe(appointmentId);
    expect((await db().appointment.findUniqueOrThrow({ where: { id: appointmentId } })).status).toBe("CHECKED_IN");
    const [b] = await boardSchedule([c.site.id], new Date());
    expect(b.appointments).toEqual([]);
    expect(b.freeChairs.map((x) => x.label)).toEqual(["Chair 1"]);
  });

  it("an appointment is checked in once: a second check-in from it (another patient's, or again) is refused, nothing saved", async () => {
    const { c, appointmentId } = await bookedToday();
    const other = await otherPatient(c, 5);
    const notTheirs = await refusal(checkIn(c.nurse, { ...input(c, appointmentId), patientId: other.id }));
    expect(notTheirs.message).toBe("This appointment is not this patient's.");
    await checkIn(c.nurse, input(c, appointmentId));
    expect(await db().treatmentSession.count({ where: { appointmentId } })).toBe(1);
    expect(await db().treatmentSession.count({ where: { patientId: other.id } })).toBe(0);
  });

  it("a cancelled appointment cannot be checked in", async () => {
    const { c, appointmentId } = await bookedToday();
    await closeAppointment(c.nurse, appointmentId, "CANCELLED", "Rescheduled by phone");
    expect((await refusal(checkIn(c.nurse, input(c, appointmentId)))).message).toBe("This appointment is no longer booked.");
  });
});
