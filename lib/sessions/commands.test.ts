import { describe, expect, it } from "vitest";
import { refusal } from "@/lib/http/testing/refusal";
import { db } from "@/lib/db/client";
import {
  decideGate,
  discharge,
  markEnteredInError,
  recordDevice,
  recordHypertensiveCrisis,
  recordSedation,
  recordDissociation,
  recordVital,
  saveChecklist,
} from "./commands";
import { checklistSchema, crisisSchema, vitalsSchema } from "./schema";
import { keyed } from "@/lib/http/testing/keyed";
import { key, minutesAgo, readyToDose } from "./testing/session-steps";

const vital = (v: Record<string, unknown>) => vitalsSchema.parse(v);

describe("a chair-side session in the database", () => {
  it("runs from check-in to discharge, entered after the fact, with every step audited", async () => {
    const c = await readyToDose();
    const s = c.sessionId;
    await recordDevice(c.nurse, s, { deviceId: c.devices[0].id, administeredAt: minutesAgo(125), acknowledgedWarnings: [] });
    await recordDevice(c.nurse, s, { deviceId: c.devices[1].id, administeredAt: minutesAgo(120), acknowledgedWarnings: [] });
    expect((await db().treatmentSession.findUniqueOrThrow({ where: { id: s } })).status).toBe("MONITORING");
    await recordVital(c.nurse, s, vital({ takenAt: minutesAgo(85).toISOString(), systolic: 150, diastolic: 90, spo2: 97 }));
    await recordSedation(c.nurse, s, { takenAt: minutesAgo(85), moaas: 4 });
    await recordDissociation(c.nurse, s, { takenAt: minutesAgo(85), present: true, scale: "NONE", itemScores: [] });
    await recordVital(c.nurse, s, vital({ takenAt: minutesAgo(5).toISOString(), systolic: 130, diastolic: 82, spo2: 98 }));
    await recordSedation(c.nurse, s, { takenAt: minutesAgo(4), moaas: 5 });
    await recordDissociation(c.nurse, s, { takenAt: minutesAgo(4), present: false, scale: "NONE", itemScores: [] });
    const attest = {
      rideConfirmed: true,
      clinicallyStable: true,
      noDrivingReminder: true,
      vitalsAcceptablePreAdministration: true,
      vitalsAcceptablePreCompletion: true,
      readyToLeaveMinutes: 95,
    };
    const done = await discharge(c.nurse, s, attest);
    expect(done.totalMinutes).toBe(125);
    const session = await db().treatmentSession.findUniqueOrThrow({ where: { id: s }, include: { discharge: true } });
    expect(session.status).toBe("DISCHARGED");
    expect(session.discharge?.readyToLeaveMinutes).toBe(95);
    const actions = (await db().auditEvent.findMany({ where: { patientId: c.patient.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual([
      "session.check_in",
      "checklist.create",
      "vital.record",
      "session.dose",
      "device.administer",
      "device.administer",
      "vital.record",
      "sedation.record",
      "dissociation.record",
      "vital.record",
      "sedation.record",
      "dissociation.record",
      "pre_completion.record",
      "session.discharge",
      "pmf.create",
    ]);
    // R36 + R39: one draft PMF, its fields taken from the session itself.
    const pmf = await db().patientMonitoringForm.findFirstOrThrow({ where: { sessionId: s } });
    expect(pmf.status).toBe("DRAFT");
    expect(pmf.fields).toMatchObject({
      totalMonitoringMinutes: 125,
      readyToLeaveMinutes: 95,
      doseAdministered: "56 mg",
      "bp.post40min": "150/90",
      "bp.preCompletion": "130/82",
      "sedation.occurred": true,
    });
    expect((await refusal(discharge(c.nurse, s, attest))).code).toBe("SESSION_CLOSED");
  });

  it("refuses discharge before 120 minutes and with MOAA/S 4, listing the reasons", async () => {
    const c = await readyToDose({}, 130);
    const s = c.sessionId;
    await recordDevice(c.nurse, s, { deviceId: c.devices[0].id, administeredAt: minutesAgo(119), acknowledgedWarnings: [] });
    await recordDevice(c.nurse, s, { deviceId: c.devices[1].id, administeredAt: minutesAgo(114), acknowledgedWarnings: [] });
    await recordVital(c.nurse, s, vital({ takenAt: minutesAgo(79).toISOString(), systolic: 150, diastolic: 90, spo2: 97 }));
    await recordVital(c.nurse, s, vital({ takenAt: minutesAgo(2).toISOString(), systolic: 130, diastolic: 82, spo2: 98 }));
    await recordSedation(c.nurse, s, { takenAt: minutesAgo(2), moaas: 4 });
    await recordDissociation(c.nurse, s, { takenAt: minutesAgo(2), present: false, scale: "NONE", itemScores: [] });
    const e = await refusal(
      discharge(c.nurse, s, {
        rideConfirmed: true,
        clinicallyStable: true,
        noDrivingReminder: true,
        vitalsAcceptablePreAdministration: true,
        vitalsAcceptablePreCompletion: true,
        readyToLeaveMinutes: 60,
      }),
    );
    expect(e.status).toBe(422);
    expect((e.details as { unmet: { code: string }[] }).unmet.map((u) => u.code)).toEqual(["R30_MIN_OBSERVATION", "R31_SEDATION_NOT_RESOLVED"]);
    expect((await db().treatmentSession.findUniqueOrThrow({ where: { id: s } })).status).toBe("MONITORING");
  });

  it("refuses a device for an outpatient who is not enrolled, a third device for 56 mg, and one 4 minutes after the previous", async () => {
    const unenrolled = await readyToDose({ enrolled: false });
    const e1 = await refusal(
      recordDevice(unenrolled.nurse, unenrolled.sessionId, { deviceId: unenrolled.devices[0].id, administeredAt: undefined, acknowledgedWarnings: [] }),
    );
    expect(e1.code).toBe("RULE_UNMET");
    expect(e1.message).toContain("not enrolled");
    expect(await db().deviceAdministration.count({ where: { sessionId: unenrolled.sessionId } })).toBe(0);
    expect((await db().device.findUniqueOrThrow({ where: { id: unenrolled.devices[0].id } })).status).toBe("ON_HAND");

    const c = await readyToDose();
    await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: minutesAgo(20), acknowledgedWarnings: [] });
    const e2 = await refusal(recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[1].id, administeredAt: minutesAgo(16), acknowledgedWarnings: [] }));
    expect(e2.fieldErrors?.administeredAt?.[0]).toContain("Wait 5 minutes");
    await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[1].id, administeredAt: minutesAgo(15), acknowledgedWarnings: [] });
    const e3 = await refusal(recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[2].id, administeredAt: minutesAgo(5), acknowledgedWarnings: [] }));
    expect(e3.message).toContain("56 mg is 2 devices");
  });

  it("gives one of two nurses a conflict instead of silently overwriting the checklist", async () => {
    const c = await readyToDose();
    const base = checklistSchema.parse({
      version: 1,
      rideType: "RIDESHARE",
      lastFoodAt: minutesAgo(300).toISOString(),
      lastLiquidAt: minutesAgo(200).toISOString(),
      conmedBenzodiazepines: false,
      conmedSedativeHypnotics: false,
      conmedPsychostimulants: false,
      conmedMaois: false,
      conmedOpioids: false,
      conmedConfirmed: true,
      pregnancyStatus: "NOT_APPLICABLE",
    });
    await saveChecklist(c.nurse, c.sessionId, base);
    const e = await refusal(saveChecklist(c.nurse, c.sessionId, { ...base, conmedOpioids: true }));
    expect(e.status).toBe(409);
    expect((await db().preDoseChecklist.findUniqueOrThrow({ where: { sessionId: c.sessionId } })).conmedOpioids).toBe(false);
  });

  it("keeps a wrong reading, struck out, and lets the right one count", async () => {
    const c = await readyToDose();
    const wrong = await recordVital(
      c.nurse,
      c.sessionId,
      vital({ kind: "PRE_DOSE", takenAt: minutesAgo(2).toISOString(), systolic: 190, diastolic: 100, spo2: 98 }),
    );
    // The 190/100 pre-dose reading would gate dosing (R14) …
    const blocked = await refusal(recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: undefined, acknowledgedWarnings: [] }));
    expect(blocked.message).toContain("Prescriber decision needed");
    await markEnteredInError(c.nurse, c.sessionId, "vital", wrong.result.id, "Cuff on the wrong arm size");
    // … until it is marked entered in error; the earlier 128/80 is the latest live reading again.
    await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: undefined, acknowledgedWarnings: [] });
    const kept = await db().observationVital.findUniqueOrThrow({ where: { id: wrong.result.id } });
    expect(kept.systolic).toBe(190);
    expect(kept.enteredInErrorReason).toBe("Cuff on the wrong arm size");
  });

  it("lifts a pre-dose BP GATE only with a prescriber's proceed decision", async () => {
    const c = await readyToDose();
    await recordVital(c.nurse, c.sessionId, vital({ kind: "PRE_DOSE", takenAt: minutesAgo(1).toISOString(), systolic: 152, diastolic: 94, spo2: 98 }));
    expect(
      (await refusal(recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: undefined, acknowledgedWarnings: [] }))).message,
    ).toContain("152/94");
    await decideGate(c.psych, c.sessionId, { rule: "R14", decision: "PROCEED", reason: "Usual for this patient; asymptomatic" });
    const ok = await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: undefined, acknowledgedWarnings: [] });
    expect(ok.result.sequence).toBe(1);
  });

  it("opens a respiratory-depression event on two consecutive low SpO₂ readings", async () => {
    const c = await readyToDose();
    await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: minutesAgo(30), acknowledgedWarnings: [] });
    const first = await recordVital(c.nurse, c.sessionId, vital({ takenAt: minutesAgo(10).toISOString(), spo2: 91 }));
    expect(first.result.alerts.map((a) => a.code)).toEqual(["R27_SPO2_LOW"]);
    const second = await recordVital(c.nurse, c.sessionId, vital({ takenAt: minutesAgo(8).toISOString(), spo2: 89 }));
    expect(second.result.alerts.map((a) => a.code)).toEqual(["R27_RESPIRATORY_DEPRESSION"]);
    const ae = await db().adverseEvent.findUniqueOrThrow({ where: { id: second.result.adverseEventId! } });
    expect([ae.type, ae.spo2Nadir]).toEqual(["RESPIRATORY_DEPRESSION", 89]);
    expect(ae.onsetAt).toEqual(first.result.takenAt); // onset = the first of the two low readings
  });

  it("serialises two nurses recording the last device at once: one succeeds, one is refused", async () => {
    const c = await readyToDose();
    await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: minutesAgo(20), acknowledgedWarnings: [] });
    const results = await Promise.allSettled([
      recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[1].id, administeredAt: minutesAgo(10), acknowledgedWarnings: [] }),
      recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[2].id, administeredAt: minutesAgo(9), acknowledgedWarnings: [] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().deviceAdministration.count({ where: { sessionId: c.sessionId } })).toBe(2);
  });
});

describe("SOFT warnings", () => {
  it("must be acknowledged by the nurse who records the first device, and the acknowledgement is audited", async () => {
    const c = await readyToDose();
    // Nasal decongestant 30 minutes ago: R12 warns (earliest compliant time), it does not forbid.
    const { version } = await db().preDoseChecklist.findUniqueOrThrow({ where: { sessionId: c.sessionId } });
    await saveChecklist(
      c.nurse,
      c.sessionId,
      checklistSchema.parse({
        version,
        rideType: "RIDESHARE",
        lastFoodAt: minutesAgo(400).toISOString(),
        lastLiquidAt: minutesAgo(300).toISOString(),
        nasalMedicationAt: minutesAgo(30).toISOString(),
        conmedBenzodiazepines: false,
        conmedSedativeHypnotics: false,
        conmedPsychostimulants: false,
        conmedMaois: false,
        conmedOpioids: false,
        conmedConfirmed: true,
        pregnancyStatus: "NOT_APPLICABLE",
      }),
    );
    const refused = await refusal(recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: undefined, acknowledgedWarnings: [] }));
    expect(refused.code).toBe("WARNINGS_NOT_ACKNOWLEDGED");
    expect((refused.details as { unmet: { code: string }[] }).unmet.map((u) => u.code)).toEqual(["R12_NASAL_MED"]);
    await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: undefined, acknowledgedWarnings: ["R12_NASAL_MED"] });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "device.administer", patientId: c.patient.id } });
    expect(audit.after).toMatchObject({ acknowledgedWarnings: ["R12_NASAL_MED"] });
  });
});

describe("hypertensive crisis (R26)", () => {
  it("a documented symptom opens a serious hypertension event, once per submission", async () => {
    const c = await readyToDose();
    await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: minutesAgo(30), acknowledgedWarnings: [] });
    const k = key();
    const send = () =>
      keyed(
        c.nurse.id,
        `/api/sessions/${c.sessionId}/hypertensive-crisis`,
        "/api/sessions/[id]/hypertensive-crisis",
        { symptoms: ["SEVERE_HEADACHE", "VISUAL_CHANGE"] },
        k,
        (input) => recordHypertensiveCrisis(c.nurse, c.sessionId, crisisSchema.parse(input)),
      );
    const first = (await send()).body.data;
    await send();
    const events = await db().adverseEvent.findMany({ where: { sessionId: c.sessionId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: first.result.id,
      type: "HYPERTENSION",
      serious: true,
      description: "Hypertensive crisis symptoms: sudden severe headache, change in vision. Emergency care indicated.",
    });
  });
});
