// Data tests (real PostgreSQL): the clinic can record what really happened — a session ended without a
// dose, a dose corrected after devices, a reading designated as the 40-minute BP after the fact, later facts
// about an adverse event, and a device given again after its first record was entered in error.
import { describe, expect, it } from "vitest";
import { refusal } from "@/lib/http/testing/refusal";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { dischargedSession } from "@/lib/reports/testing/discharged-session";
import {
  checkIn,
  correctDose,
  decideGate,
  designateFortyMinute,
  endNotDosed,
  markEnteredInError,
  recordDevice,
  recordVital,
  saveChecklist,
  setDose,
  updateAdverseEvent,
} from "./commands";
import { adverseEventUpdateSchema, checklistSchema, designateFortySchema, doseCorrectionSchema, notDosedSchema, vitalsSchema } from "./schema";
import { minutesAgo, readyToDose } from "./testing/session-steps";
import { boardFor } from "./view";

const vital = (v: Record<string, unknown>) => vitalsSchema.parse(v);

describe("a session ended as not dosed", () => {
  it("leaves the board, takes no device, has no PMF, and lets the patient be checked in again the same day", async () => {
    const c = await readyToDose();
    expect((await boardFor([c.site.id], new Date())).map((b) => b.sessionId)).toContain(c.sessionId);
    const r = await endNotDosed(c.nurse, c.sessionId, notDosedSchema.parse({ reason: "PRESCRIBER_DELAYED", note: "BP to be rechecked next week" }));
    expect(r).toEqual({ status: "NOT_DOSED", reason: "Prescriber delayed the dose: BP to be rechecked next week" });
    expect((await boardFor([c.site.id], new Date())).map((b) => b.sessionId)).not.toContain(c.sessionId);
    expect((await refusal(recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: undefined, acknowledgedWarnings: [] }))).status).toBe(
      409,
    );
    expect(await db().patientMonitoringForm.count({ where: { sessionId: c.sessionId } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "session.not_dosed", entityId: c.sessionId } })).toBe(1);
    const again = await checkIn(c.nurse, {
      patientId: c.patient.id,
      chairId: c.chair.id,
      prescriberOnSiteId: c.psych.id,
      monitoringHcpId: c.nurse.id,
      indication: "TRD",
    });
    expect(again.result.id).not.toBe(c.sessionId);
  });

  it("is what a checklist saying 'no ride home' records (R11): not dosed, no ride, off the board", async () => {
    const c = await readyToDose();
    const { version } = await db().preDoseChecklist.findUniqueOrThrow({ where: { sessionId: c.sessionId } });
    const r = await saveChecklist(
      c.nurse,
      c.sessionId,
      checklistSchema.parse({
        version,
        rideType: "NONE",
        lastFoodAt: minutesAgo(400).toISOString(),
        lastLiquidAt: minutesAgo(300).toISOString(),
        conmedBenzodiazepines: false,
        conmedSedativeHypnotics: false,
        conmedPsychostimulants: false,
        conmedMaois: false,
        conmedOpioids: false,
        conmedConfirmed: true,
        pregnancyStatus: "NOT_APPLICABLE",
      }),
    );
    expect(r.notDosed).toBe(true);
    expect(await db().treatmentSession.findUniqueOrThrow({ where: { id: c.sessionId } })).toMatchObject({
      status: "NOT_DOSED",
      cancelledReason: "No ride home",
    });
    expect((await boardFor([c.site.id], new Date())).map((b) => b.sessionId)).not.toContain(c.sessionId);
  });

  it("is refused once a device is recorded, and 'other' needs the reason said", async () => {
    expect(notDosedSchema.safeParse({ reason: "OTHER" }).success).toBe(false);
    const c = await readyToDose();
    await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: undefined, acknowledgedWarnings: [] });
    const e = await refusal(endNotDosed(c.nurse, c.sessionId, notDosedSchema.parse({ reason: "PATIENT_DECLINED" })));
    expect([e.status, e.code]).toEqual([409, "ALREADY_DOSED"]);
    expect((await db().treatmentSession.findUniqueOrThrow({ where: { id: c.sessionId } })).status).toBe("DOSING");
  });
});

describe("a dose corrected after devices (prescriber only)", () => {
  it("finishes a session recorded as 84 mg with two devices as 56 mg, never below the devices given", async () => {
    expect(can("NURSE", "dose.correct")).toBe(false);
    expect(can("PSYCHIATRIST", "dose.correct")).toBe(true);
    expect(can("ADMIN", "dose.correct")).toBe(false);
    const c = await readyToDose();
    const { version } = await db().treatmentSession.findUniqueOrThrow({ where: { id: c.sessionId } });
    await setDose(c.nurse, c.sessionId, { version, doseOption: "84", otherDoseMg: undefined, otherDoseReason: "" });
    await decideGate(c.psych, c.sessionId, { rule: "R21", decision: "PROCEED", reason: "84 mg prescribed after review" });
    await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: minutesAgo(10), acknowledgedWarnings: [] });
    await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[1].id, administeredAt: minutesAgo(5), acknowledgedWarnings: [] });
    expect((await db().treatmentSession.findUniqueOrThrow({ where: { id: c.sessionId } })).status).toBe("DOSING");
    const low = await refusal(correctDose(c.psych, c.sessionId, doseCorrectionSchema.parse({ doseMg: 28, reason: "Count shows one device" })));
    expect([low.status, low.fieldErrors?.doseMg?.[0]]).toEqual([422, "At least 56 mg: 2 devices are recorded"]);
    const r = await correctDose(c.psych, c.sessionId, doseCorrectionSchema.parse({ doseMg: 56, reason: "Prescribed 56 mg; 84 mg was selected in error" }));
    expect(r).toEqual({ plannedDoseMg: 56, status: "MONITORING", devicesGiven: 2 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "session.dose_correction", entityId: c.sessionId } });
    expect(audit).toMatchObject({
      before: { plannedDoseMg: 84, status: "DOSING" },
      after: { plannedDoseMg: 56, status: "MONITORING" },
      reason: "Prescribed 56 mg; 84 mg was selected in error",
    });
  });
});

describe("an existing reading designated as the 40-minute BP (R25)", () => {
  it("in the window: becomes the 40-minute reading, the earlier designation an extra one; outside: needs a reason and records a deviation", async () => {
    const c = await readyToDose();
    const s = c.sessionId;
    await recordDevice(c.nurse, s, { deviceId: c.devices[0].id, administeredAt: minutesAgo(60), acknowledgedWarnings: [] });
    await recordDevice(c.nurse, s, { deviceId: c.devices[1].id, administeredAt: minutesAgo(55), acknowledgedWarnings: [] });
    const atFortyFive = await recordVital(c.nurse, s, vital({ takenAt: minutesAgo(15).toISOString(), systolic: 150, diastolic: 88, spo2: 97 }));
    const atFiftyFive = await recordVital(c.nurse, s, vital({ takenAt: minutesAgo(5).toISOString(), systolic: 140, diastolic: 85, spo2: 97 }));

    expect(await designateFortyMinute(c.nurse, s, designateFortySchema.parse({ vitalId: atFortyFive.result.id }))).toEqual({
      id: atFortyFive.result.id,
      minutesAfterFirstDevice: 45,
      deviation: false,
    });
    const noReason = await refusal(designateFortyMinute(c.nurse, s, designateFortySchema.parse({ vitalId: atFiftyFive.result.id })));
    expect([noReason.status, noReason.fieldErrors?.reason?.[0]]).toEqual([422, "Taken at 55 minutes, outside 30–50: give the reason (at least 5 characters)"]);
    await designateFortyMinute(c.nurse, s, designateFortySchema.parse({ vitalId: atFiftyFive.result.id, reason: "Patient was in the bathroom at 40 minutes" }));

    const kinds = Object.fromEntries((await db().observationVital.findMany({ where: { sessionId: s } })).map((v) => [v.id, v.kind]));
    expect([kinds[atFortyFive.result.id], kinds[atFiftyFive.result.id]]).toEqual(["EXTRA", "POST_40"]);
    const deviations = await db().protocolDeviation.findMany({ where: { sessionId: s } });
    expect(deviations).toEqual([
      expect.objectContaining({
        code: "R25_OUTSIDE_WINDOW",
        reason: "Patient was in the bathroom at 40 minutes",
        entityId: atFiftyFive.result.id,
        recordedById: c.nurse.id,
      }),
    ]);
  });
});

describe("later facts about an adverse event", () => {
  it("adds interventions to an event a rule opened and classifies it serious; the unsubmitted PMF follows", async () => {
    const { c, sessionId } = await (async () => {
      const c = await readyToDose();
      await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: minutesAgo(20), acknowledgedWarnings: [] });
      return { c, sessionId: c.sessionId };
    })();
    // Two consecutive low SpO₂ readings open a respiratory-depression event (R27), not yet serious.
    await recordVital(c.nurse, sessionId, vital({ takenAt: minutesAgo(4).toISOString(), spo2: 90 }));
    const low = await recordVital(c.nurse, sessionId, vital({ takenAt: undefined, spo2: 89 }));
    const eventId = low.result.adverseEventId!;
    expect(eventId).toBeTruthy();
    const r = await updateAdverseEvent(
      c.nurse,
      sessionId,
      eventId,
      adverseEventUpdateSchema.parse({ addInterventions: ["Airway repositioned", "Oxygen 2 L/min"], reason: "Documented after the event" }),
    );
    expect(r).toEqual({ id: eventId, serious: false, interventions: ["Airway repositioned", "Oxygen 2 L/min"] });
    await updateAdverseEvent(
      c.nurse,
      sessionId,
      eventId,
      adverseEventUpdateSchema.parse({ serious: true, reason: "Required prolonged observation and ED referral" }),
    );
    const again = await refusal(updateAdverseEvent(c.nurse, sessionId, eventId, adverseEventUpdateSchema.parse({ serious: true, reason: "twice" })));
    expect(again.status).toBe(409);
    expect(adverseEventUpdateSchema.safeParse({ reason: "nothing to change" }).success).toBe(false);
    const ae = await db().adverseEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect([ae.serious, ae.interventions]).toEqual([true, ["Airway repositioned", "Oxygen 2 L/min"]]);
    expect(await db().auditEvent.count({ where: { action: "adverse_event.update", entityId: eventId } })).toBe(2);
  });

  it("after discharge: an event classified serious makes the draft PMF say so", async () => {
    const d = await dischargedSession();
    const form = () => db().patientMonitoringForm.findFirstOrThrow({ where: { sessionId: d.sessionId } });
    expect(((await form()).fields as Record<string, unknown>)["seriousAdverseEvent.occurred"]).toBe(false);
    const { result } = await (
      await import("./commands")
    ).recordAdverseEvent(d.nurse, d.sessionId, {
      type: "OTHER",
      description: "Dizziness at home reported by phone",
      serious: false,
      onsetAt: undefined,
      resolvedAt: undefined,
      interventions: [],
      outcome: undefined,
      spo2Nadir: undefined,
    });
    await updateAdverseEvent(d.nurse, d.sessionId, result.id, adverseEventUpdateSchema.parse({ serious: true, reason: "Led to an ED visit" }));
    expect(((await form()).fields as Record<string, unknown>)["seriousAdverseEvent.occurred"]).toBe(true);
  });
});

describe("a device entered in error (point 6)", () => {
  it("returns to stock and can be given again, in another session; the database allows one live administration per device", async () => {
    const a = await readyToDose();
    const first = await recordDevice(a.nurse, a.sessionId, { deviceId: a.devices[0].id, administeredAt: undefined, acknowledgedWarnings: [] });
    await markEnteredInError(a.nurse, a.sessionId, "device", first.result.id, "Wrong device scanned: still sealed");
    expect((await db().device.findUniqueOrThrow({ where: { id: a.devices[0].id } })).status).toBe("ON_HAND");
    await recordDevice(a.nurse, a.sessionId, { deviceId: a.devices[0].id, administeredAt: minutesAgo(10), acknowledgedWarnings: [] });
    const rows = await db().deviceAdministration.findMany({ where: { deviceId: a.devices[0].id }, orderBy: { recordedAt: "asc" } });
    // 56 mg: the second device completes dosing; striking it out puts the session back to dosing.
    const second = await recordDevice(a.nurse, a.sessionId, { deviceId: a.devices[1].id, administeredAt: minutesAgo(4), acknowledgedWarnings: [] });
    const status = async () => (await db().treatmentSession.findUniqueOrThrow({ where: { id: a.sessionId } })).status;
    expect(await status()).toBe("MONITORING");
    await markEnteredInError(a.nurse, a.sessionId, "device", second.result.id, "Device did not fire: still full");
    expect(await status()).toBe("DOSING");
    expect(rows.map((r) => !!r.enteredInErrorAt)).toEqual([true, false]);
    // The invariant is the database's: a second live administration of the same device is refused.
    await expect(
      db().deviceAdministration.create({
        data: { sessionId: a.sessionId, sequence: 9, administeredAt: new Date(), deviceId: a.devices[0].id, recordedById: a.nurse.id },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });
});

describe("adverse-event times (R49, in part)", () => {
  it("the server refuses an event resolved before its onset or starting in the future, and saves nothing", async () => {
    const c = await readyToDose();
    const { recordAdverseEvent } = await import("./commands");
    const event = (onsetAt: Date, resolvedAt?: Date) => ({
      type: "OTHER" as const,
      description: "Nausea",
      serious: false,
      onsetAt,
      resolvedAt,
      interventions: [],
      outcome: undefined,
      spo2Nadir: undefined,
    });
    const backwards = await refusal(recordAdverseEvent(c.nurse, c.sessionId, event(minutesAgo(5), minutesAgo(10))));
    expect([backwards.status, backwards.fieldErrors?.resolvedAt?.[0]]).toEqual([422, "The event cannot end before its onset"]);
    const future = await refusal(recordAdverseEvent(c.nurse, c.sessionId, event(new Date(Date.now() + 10 * 60_000))));
    expect([future.status, future.fieldErrors?.onsetAt?.[0]]).toEqual([422, "This time is in the future"]);
    expect(await db().adverseEvent.count({ where: { sessionId: c.sessionId } })).toBe(0);
  });
});
