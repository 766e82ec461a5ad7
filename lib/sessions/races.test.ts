import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { refusal } from "@/lib/http/testing/refusal";
import { keyed } from "@/lib/http/testing/keyed";
import { HttpError } from "@/lib/http/errors";
import { checkIn, recordDevice, recordVital } from "./commands";
import { r50IndexHit } from "./commands/r50";
import { vitalsSchema } from "./schema";
import { clinicFixture } from "./testing/db-fixture";
import { key, minutesAgo, readyToDose } from "./testing/session-steps";

type Fixture = Awaited<ReturnType<typeof clinicFixture>>;
const checkInInput = (c: Fixture, patientId: string, chairId: string) => ({
  patientId,
  chairId,
  prescriberOnSiteId: c.psych.id,
  monitoringHcpId: c.nurse.id,
  indication: "TRD" as const,
});
const morePatients = (c: Fixture, n: number) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      db().patient.create({
        data: {
          siteId: c.site.id,
          mrn: `${c.patient.mrn}-${i}`,
          firstName: `Pat${i}`,
          lastName: c.patient.lastName,
          birthDate: new Date("1980-04-02"),
          sex: "FEMALE",
          indication: "TRD",
        },
      }),
    ),
  );
const settled = <T>(ps: Promise<T>[]) => Promise.allSettled(ps);

describe("R50 in the database", () => {
  it("20 simultaneous check-ins into one chair leave exactly one active session there; the others get a 409 naming the chair", async () => {
    const c = await clinicFixture();
    const patients = await morePatients(c, 20);
    const outcomes = await settled(patients.map((p) => checkIn(c.nurse, checkInInput(c, p.id, c.chair.id))));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === "rejected")) {
      const e = (o as PromiseRejectedResult).reason as HttpError;
      expect(e).toBeInstanceOf(HttpError);
      expect(e.status).toBe(409);
      expect(e.message).toBe("Chair 1 already has an active session.");
      expect(e.fieldErrors?.chairId).toEqual(["Chair 1 already has an active session"]);
    }
    expect(await db().treatmentSession.count({ where: { chairId: c.chair.id, status: { in: ["CHECKED_IN", "DOSING", "MONITORING"] } } })).toBe(1);
  });

  it("the same patient checked into two chairs at once (10 times each) gets one session today; the rest a 409 naming the patient", async () => {
    const c = await clinicFixture();
    const tries = Array.from({ length: 20 }, (_, i) => checkIn(c.nurse, checkInInput(c, c.patient.id, i % 2 ? c.chair.id : c.chair2.id)));
    const outcomes = await settled(tries);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const name = `${c.patient.firstName} ${c.patient.lastName}`;
    const reasons = outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason as HttpError);
    // A loser into the winner's chair may be told about the chair first; every loser gets a 409 naming one of them.
    for (const e of reasons) {
      expect(e.status).toBe(409);
      expect([
        `${name} already has a session today: only one dosing session a calendar day.`,
        "Chair 1 already has an active session.",
        "Chair 2 already has an active session.",
      ]).toContain(e.message);
    }
    expect(reasons.some((e) => e.fieldErrors?.patientId?.[0] === `${name} already has a session today`)).toBe(true);
    expect(await db().treatmentSession.count({ where: { patientId: c.patient.id } })).toBe(1);
  });

  it("the indexes hold even for a write that skips every check (not just the friendly pre-check)", async () => {
    const c = await clinicFixture();
    const [other] = await morePatients(c, 1);
    const { result } = await checkIn(c.nurse, checkInInput(c, c.patient.id, c.chair.id));
    const s = await db().treatmentSession.findUniqueOrThrow({ where: { id: result.id } });
    const base = {
      siteId: c.site.id,
      prescriberOnSiteId: c.psych.id,
      monitoringHcpId: c.nurse.id,
      indication: "TRD" as const,
      checkedInAt: new Date(),
      treatmentDate: s.treatmentDate,
    };
    const sameChair = await db()
      .treatmentSession.create({ data: { ...base, patientId: other.id, chairId: c.chair.id, status: "MONITORING" } })
      .catch((e) => e);
    expect(r50IndexHit(sameChair)).toBe("chair");
    const sameDay = await db()
      .treatmentSession.create({ data: { ...base, patientId: c.patient.id, chairId: c.chair2.id, status: "CHECKED_IN" } })
      .catch((e) => e);
    expect(r50IndexHit(sameDay)).toBe("patientDay");
    // Sessions that did not dose do not count for the day, and a closed session frees its chair.
    await db().treatmentSession.create({ data: { ...base, patientId: c.patient.id, chairId: c.chair2.id, status: "NOT_DOSED" } });
    await db().treatmentSession.create({ data: { ...base, patientId: c.patient.id, chairId: c.chair.id, status: "CANCELLED" } });
    await db().treatmentSession.update({ where: { id: result.id }, data: { status: "DISCHARGED" } });
    await db().treatmentSession.create({ data: { ...base, patientId: other.id, chairId: c.chair.id, status: "CHECKED_IN" } });
  });
});

describe("idempotency keys", () => {
  it("a retried check-in gets its first answer back (201, same id), even when 10 retries race", async () => {
    const c = await clinicFixture();
    const k = key();
    const body = checkInInput(c, c.patient.id, c.chair.id);
    const run = (input: never) => checkIn(c.nurse, input);
    const first = await keyed(c.nurse.id, "/api/sessions", "/api/sessions", body, k, run);
    expect(first.status).toBe(201);
    const again = await keyed(c.nurse.id, "/api/sessions", "/api/sessions", body, k, run);
    expect(again).toEqual(first);
    const k2 = key();
    const [patient2] = await morePatients(c, 1);
    const racing = await Promise.all(
      Array.from({ length: 10 }, () => keyed(c.nurse.id, "/api/sessions", "/api/sessions", checkInInput(c, patient2.id, c.chair2.id), k2, run)),
    );
    expect(racing.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(racing.map((r) => r.body.data.result.id)).size).toBe(1);
    expect(await db().treatmentSession.count({ where: { siteId: c.site.id } })).toBe(2);
    expect(await db().idempotencyRecord.count({ where: { userId: c.nurse.id, key: { in: [k, k2] } } })).toBe(2);
  });

  it("the same key with another body is a 422 naming the key, and the second reading (190/112) is not saved", async () => {
    const c = await readyToDose();
    const k = key();
    const path = `/api/sessions/${c.sessionId}/vitals`;
    const run = (input: never) => recordVital(c.nurse, c.sessionId, vitalsSchema.parse(input));
    await keyed(c.nurse.id, path, "/api/sessions/[id]/vitals", { takenAt: minutesAgo(1).toISOString(), systolic: 131, diastolic: 81, spo2: 98 }, k, run);
    const e = await refusal(
      keyed(c.nurse.id, path, "/api/sessions/[id]/vitals", { takenAt: minutesAgo(1).toISOString(), systolic: 190, diastolic: 112, spo2: 98 }, k, run),
    );
    expect(e.status).toBe(422);
    expect(e.message).toContain(`Idempotency-Key "${k}"`);
    expect(await db().observationVital.count({ where: { sessionId: c.sessionId, systolic: 190 } })).toBe(0);
  });

  it("the same key value sent by another user (another site) is simply another key: its own effect, no leak of the first record", async () => {
    const a = await clinicFixture();
    const b = await clinicFixture();
    const k = key();
    const run = (c: Fixture) => (input: never) => checkIn(c.nurse, input);
    const first = await keyed(a.nurse.id, "/api/sessions", "/api/sessions", checkInInput(a, a.patient.id, a.chair.id), k, run(a));
    const other = await keyed(b.nurse.id, "/api/sessions", "/api/sessions", checkInInput(b, b.patient.id, b.chair.id), k, run(b));
    expect(other.status).toBe(201);
    expect(other.body.data.result.id).not.toBe(first.body.data.result.id);
    expect((await db().treatmentSession.findUniqueOrThrow({ where: { id: other.body.data.result.id } })).patientId).toBe(b.patient.id);
  });

  it("a replayed vitals write with a 190/112 reading returns the same alerts as the first answer", async () => {
    const c = await readyToDose();
    await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: minutesAgo(20), acknowledgedWarnings: [] });
    await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[1].id, administeredAt: minutesAgo(14), acknowledgedWarnings: [] });
    const k = key();
    const path = `/api/sessions/${c.sessionId}/vitals`;
    const body = { takenAt: minutesAgo(1).toISOString(), systolic: 190, diastolic: 112, heartRate: 80, spo2: 98 };
    const run = (input: never) => recordVital(c.nurse, c.sessionId, vitalsSchema.parse(input));
    const first = await keyed(c.nurse.id, path, "/api/sessions/[id]/vitals", body, k, run);
    expect((first.body.data.result.alerts as unknown[]).length).toBeGreaterThan(0);
    const replay = await keyed(c.nurse.id, path, "/api/sessions/[id]/vitals", body, k, run);
    expect(replay).toEqual(first);
    expect(await db().observationVital.count({ where: { sessionId: c.sessionId, systolic: 190 } })).toBe(1);
  });

  it("a refused first attempt is not remembered: nothing is saved, and the same key may be retried once the cause is fixed", async () => {
    const c = await clinicFixture();
    const [other] = await morePatients(c, 1);
    await checkIn(c.nurse, checkInInput(c, other.id, c.chair.id));
    const k = key();
    const body = checkInInput(c, c.patient.id, c.chair.id);
    const run = (input: never) => checkIn(c.nurse, input);
    expect((await refusal(keyed(c.nurse.id, "/api/sessions", "/api/sessions", body, k, run))).status).toBe(409);
    expect(await db().idempotencyRecord.count({ where: { userId: c.nurse.id, key: k } })).toBe(0);
    await db().treatmentSession.updateMany({ where: { patientId: other.id }, data: { status: "DISCHARGED" } });
    expect((await keyed(c.nurse.id, "/api/sessions", "/api/sessions", body, k, run)).status).toBe(201);
  });
});
