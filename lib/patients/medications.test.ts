// Data tests against the real PostgreSQL: the medication list and hepatic impairment (R48), every write
// path with its refusals, and the places the rules read them (checklist pre-fill, PMF, R10, GATE, discharge).
import { describe, expect, it } from "vitest";
import { atTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { refusal } from "@/lib/http/testing/refusal";
import { checkIn, decideGate, discharge, recordDevice, recordDissociation, recordSedation, recordVital, saveChecklist, setDose } from "@/lib/sessions/commands";
import { loadSessionFacts } from "@/lib/sessions/data";
import { dischargeReadiness } from "@/lib/sessions/discharge-rules";
import { deviceReadiness } from "@/lib/sessions/device-rules";
import { addDays, siteDay } from "@/lib/time/days";
import { checklistSchema, vitalsSchema } from "@/lib/sessions/schema";
import { sessionView } from "@/lib/sessions/view";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { dischargedSession } from "@/lib/reports/testing/discharged-session";
import { addMedication, editMedication, medicationsOf, stopMedication } from "./medications";
import { setHepaticImpairment } from "./hepatic";
import { hepaticImpairmentSchema, medicationEditSchema, medicationSchema, medicationStopSchema } from "./medication-schema";

type Clinic = Awaited<ReturnType<typeof clinicFixture>>;
const today = () => siteDay(new Date(), "America/New_York");
const ago = (m: number) => new Date(Date.now() - m * 60_000);
const lorazepam = (over: Record<string, string> = {}) =>
  medicationSchema.parse({ name: "Lorazepam", drugClass: "BENZODIAZEPINE", dose: "1 mg at night", startedOn: addDays(today(), -30), ...over });
const audits = (entityId: string) => db().auditEvent.findMany({ where: { entityId, entityType: "ConcomitantMedication" }, orderBy: { id: "asc" } });
const adminOf = async (c: Clinic) => {
  const u = await db().user.create({
    data: {
      email: `admin-${c.site.code}@test.example`,
      firstName: "Ada",
      lastName: "Admin",
      role: "ADMIN",
      passwordHash: "x",
      sites: { create: { siteId: c.site.id } },
    },
  });
  return { id: u.id, email: u.email, role: u.role };
};

/**
 * A session run step by step on the server's clock (atTime), so no clinical time is ever before its check-in:
 * checked in `startAgo` minutes ago, checklist and pre-dose reading, 56 mg. Entries inside a step take the step's time
 * (no clinical time typed), so a slow machine cannot put them after the frozen clock.
 */
async function checkedInAndReady(c: Clinic, startAgo: number) {
  const step = <T>(m: number, fn: () => Promise<T>) => atTime(ago(startAgo - m), fn);
  const { result } = await step(0, () =>
    checkIn(c.nurse, { patientId: c.patient.id, chairId: c.chair.id, prescriberOnSiteId: c.psych.id, monitoringHcpId: c.nurse.id, indication: "TRD" }),
  );
  const s = result.id;
  const view = await step(1, () => sessionView(s, ago(startAgo - 1)));
  await step(1, () =>
    saveChecklist(
      c.nurse,
      s,
      checklistSchema.parse({
        version: 0,
        rideType: "RIDESHARE",
        lastFoodAt: ago(startAgo + 300).toISOString(),
        lastLiquidAt: ago(startAgo + 200).toISOString(),
        ...view!.conmedPrefill!.answers,
        conmedConfirmed: true,
        pregnancyStatus: "NOT_APPLICABLE",
        enrollmentVerified: true,
      }),
    ),
  );
  await step(2, () => recordVital(c.nurse, s, vitalsSchema.parse({ kind: "PRE_DOSE", systolic: 128, diastolic: 80, heartRate: 76, spo2: 98 })));
  const { version } = await db().treatmentSession.findUniqueOrThrow({ where: { id: s } });
  await step(3, () => setDose(c.nurse, s, { version, doseOption: "56", otherDoseMg: undefined, otherDoseReason: "" }));
  return { sessionId: s, step, prefill: view!.conmedPrefill };
}

describe("the medication list: add, correct, stop, with its history", () => {
  it("a nurse adds, corrects and stops a medicine; one audit row per write, old → new; the stopped row stays in the list", async () => {
    const c = await clinicFixture();
    const { id, version } = await addMedication(c.nurse, c.patient.id, lorazepam());
    expect(version).toBe(1);
    const edited = await editMedication(c.nurse, c.patient.id, id, medicationEditSchema.parse({ ...lorazepam({ dose: "0.5 mg at night" }), version: 1 }));
    expect(edited.version).toBe(2);
    await stopMedication(c.nurse, c.patient.id, id, medicationStopSchema.parse({ version: 2, stoppedOn: today() }));
    const list = await medicationsOf(c.patient.id);
    expect(list.map((m) => [m.name, m.dose, m.stoppedOn, m.current])).toEqual([
      ["Sertraline 100 mg", null, null, true],
      ["Lorazepam", "0.5 mg at night", today(), false],
    ]);
    const rows = await audits(id);
    expect(rows.map((a) => a.action)).toEqual(["medication.add", "medication.edit", "medication.stop"]);
    expect(rows.every((a) => a.actorId === c.nurse.id && a.siteId === c.site.id && a.patientId === c.patient.id)).toBe(true);
    expect([rows[1].before, rows[1].after]).toMatchObject([{ dose: "1 mg at night" }, { dose: "0.5 mg at night" }]);
    expect([rows[2].before, rows[2].after]).toMatchObject([{ stoppedOn: null }, { stoppedOn: today() }]);
  });

  it("a psychiatrist of the site may record medicines too", async () => {
    const c = await clinicFixture();
    const { id } = await addMedication(c.psych, c.patient.id, lorazepam());
    expect((await audits(id))[0].actorId).toBe(c.psych.id);
  });

  it("refuses a start in the future and a stop before the start, at the field, on every write path; nothing saved", async () => {
    const c = await clinicFixture();
    const future = await refusal(addMedication(c.nurse, c.patient.id, lorazepam({ startedOn: addDays(today(), 1) })));
    expect([future.status, Object.keys(future.fieldErrors ?? {})]).toEqual([422, ["startedOn"]]);
    expect(medicationSchema.safeParse({ ...lorazepam(), stoppedOn: addDays(today(), -31) }).success).toBe(false);
    const { id } = await addMedication(c.nurse, c.patient.id, lorazepam());
    const badEdit = await refusal(editMedication(c.nurse, c.patient.id, id, { ...lorazepam({ startedOn: addDays(today(), 2) }), version: 1 }));
    expect([badEdit.status, Object.keys(badEdit.fieldErrors ?? {})]).toEqual([422, ["startedOn"]]);
    // The route's schema refuses it first; the command refuses it again (a body that skipped the schema).
    const backwards = await refusal(editMedication(c.nurse, c.patient.id, id, { ...lorazepam(), stoppedOn: addDays(today(), -40), version: 1 }));
    expect([backwards.status, Object.keys(backwards.fieldErrors ?? {})]).toEqual([422, ["stoppedOn"]]);
    const early = await refusal(stopMedication(c.nurse, c.patient.id, id, { version: 1, stoppedOn: addDays(today(), -31) }));
    expect([early.status, Object.keys(early.fieldErrors ?? {})]).toEqual([422, ["stoppedOn"]]);
    expect(await db().concomitantMedication.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 1, stoppedOn: null, dose: "1 mg at night" });
    expect(await db().concomitantMedication.count({ where: { patientId: c.patient.id } })).toBe(2);
    expect((await audits(id)).length).toBe(1);
  });

  it("refuses a stale version with 409: the other person's change stays", async () => {
    const c = await clinicFixture();
    const { id } = await addMedication(c.nurse, c.patient.id, lorazepam());
    await editMedication(c.psych, c.patient.id, id, { ...lorazepam({ dose: "2 mg" }), version: 1 });
    expect((await refusal(editMedication(c.nurse, c.patient.id, id, { ...lorazepam({ dose: "0.5 mg" }), version: 1 }))).status).toBe(409);
    expect((await refusal(stopMedication(c.nurse, c.patient.id, id, { version: 1, stoppedOn: today() }))).status).toBe(409);
    expect(await db().concomitantMedication.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 2, dose: "2 mg", stoppedOn: null });
  });

  it("refuses an administrator (403: R47, no clinical data) and a nurse of another site (404, nothing told); nothing saved", async () => {
    const c = await clinicFixture();
    const other = await clinicFixture();
    const { id } = await addMedication(c.nurse, c.patient.id, lorazepam());
    const admin = await adminOf(c);
    expect((await refusal(addMedication(admin, c.patient.id, lorazepam()))).status).toBe(403);
    expect((await refusal(stopMedication(admin, c.patient.id, id, { version: 1, stoppedOn: today() }))).status).toBe(403);
    expect((await refusal(addMedication(other.nurse, c.patient.id, lorazepam()))).status).toBe(404);
    expect((await refusal(editMedication(other.nurse, c.patient.id, id, { ...lorazepam(), version: 1 }))).status).toBe(404);
    // A medicine of another patient is not reachable through this patient.
    expect((await refusal(stopMedication(other.nurse, other.patient.id, id, { version: 1, stoppedOn: today() }))).status).toBe(404);
    expect(await db().concomitantMedication.count({ where: { patientId: c.patient.id } })).toBe(2);
    expect((await audits(id)).length).toBe(1);
  });
});

describe("the session reads the list in force on its date", () => {
  it("pre-fills the checklist answers from the list (the nurse still confirms); a stopped medicine answers nothing", async () => {
    const c = await clinicFixture();
    await addMedication(c.nurse, c.patient.id, lorazepam());
    const { id: oxy } = await addMedication(
      c.nurse,
      c.patient.id,
      medicationSchema.parse({ name: "Oxycodone", drugClass: "OPIOID", startedOn: addDays(today(), -60) }),
    );
    await stopMedication(c.nurse, c.patient.id, oxy, { version: 1, stoppedOn: addDays(today(), -10) });
    const { result } = await checkIn(c.nurse, {
      patientId: c.patient.id,
      chairId: c.chair.id,
      prescriberOnSiteId: c.psych.id,
      monitoringHcpId: c.nurse.id,
      indication: "TRD",
    });
    const view = (await sessionView(result.id, new Date()))!;
    expect(view.conmedPrefill).toMatchObject({
      source: "list",
      answers: { conmedBenzodiazepines: true, conmedOpioids: false, conmedSedativeHypnotics: false, conmedPsychostimulants: false, conmedMaois: false },
    });
    expect(view.conmedPrefill!.medications.map((m) => m.name).sort()).toEqual(["Lorazepam", "Sertraline 100 mg"]);
    // Pre-fill only: nothing is confirmed until the nurse saves the checklist.
    expect(view.checklist).toBeNull();
    expect(view.facts.checklist).toBeNull();
  });

  it("naltrexone on the list is a caution the nurse acknowledges at the first device, read and kept as a row", async () => {
    const c = await clinicFixture();
    await addMedication(
      c.nurse,
      c.patient.id,
      medicationSchema.parse({ name: "Naltrexone", drugClass: "OPIOID_ANTAGONIST", dose: "50 mg daily", startedOn: addDays(today(), -20) }),
    );
    const { sessionId, step } = await checkedInAndReady(c, 20);
    const e = await refusal(
      step(5, () => recordDevice(c.nurse, sessionId, { deviceId: c.devices[0].id, administeredAt: undefined, acknowledgedWarnings: [] })),
    );
    expect([e.status, e.code]).toEqual([422, "WARNINGS_NOT_ACKNOWLEDGED"]);
    expect(e.message).toMatch(/Naltrexone/);
    await step(5, () =>
      recordDevice(c.nurse, sessionId, { deviceId: c.devices[0].id, administeredAt: undefined, acknowledgedWarnings: ["R16_NALTREXONE_CAUTION"] }),
    );
    expect(await db().warningAcknowledgement.count({ where: { sessionId, code: "R16_NALTREXONE_CAUTION" } })).toBe(1);
  });

  it("R10: an MDSI patient whose only antidepressant was stopped before the session gets the SOFT warning", async () => {
    const c = await clinicFixture();
    const sertraline = (await db().concomitantMedication.findFirstOrThrow({ where: { patientId: c.patient.id } })).id;
    await db().patient.update({ where: { id: c.patient.id }, data: { indication: "MDSI" } });
    const { result } = await checkIn(c.nurse, {
      patientId: c.patient.id,
      chairId: c.chair.id,
      prescriberOnSiteId: c.psych.id,
      monitoringHcpId: c.nurse.id,
      indication: "MDSI",
    });
    const r10 = async () => {
      const f = (await loadSessionFacts(db(), result.id, new Date()))!.facts;
      return deviceReadiness(f, { administeredAt: new Date(), lotNumber: "L", lotExpiresOn: "2099-12-31" }, new Date())
        .warnings.map((w) => w.code)
        .includes("R10_MDSI_NO_ORAL_AD");
    };
    expect(await r10()).toBe(false);
    await stopMedication(c.nurse, c.patient.id, sertraline, { version: 1, stoppedOn: today() });
    expect(await r10()).toBe(true);
  });

  it("the PMF's concomitant-medication answers derive from the list in force on the session date, and a draft follows a correction of the list", async () => {
    const s = await dischargedSession();
    const fields = async () => (await db().patientMonitoringForm.findUniqueOrThrow({ where: { id: s.pmfId } })).fields as Record<string, unknown>;
    // The nurse answered "no" to everything (the list held only an antidepressant).
    expect((await fields())["conmed.benzodiazepines"]).toBe(false);
    // A benzodiazepine learnt of later, started before the session: the draft form says yes.
    const { id } = await addMedication(s.nurse, s.patient.id, lorazepam());
    expect((await fields())["conmed.benzodiazepines"]).toBe(true);
    // Corrected: in fact stopped before the session date → no again. The form was synced each time, audited.
    await editMedication(s.nurse, s.patient.id, id, { ...lorazepam({ stoppedOn: addDays(today(), -1) }), version: 1 });
    expect((await fields())["conmed.benzodiazepines"]).toBe(false);
    expect(await db().auditEvent.count({ where: { action: "pmf.sync", entityId: s.pmfId } })).toBe(2);
  });
});

describe("hepatic impairment (R48)", () => {
  it("a psychiatrist records it, audited old → new; a nurse (403), an administrator (403), another site (404) and a stale version (409) are refused", async () => {
    const c = await clinicFixture();
    const other = await clinicFixture();
    const done = await setHepaticImpairment(c.psych, c.patient.id, hepaticImpairmentSchema.parse({ level: "MODERATE", version: 1 }));
    expect(done).toEqual({ level: "MODERATE", version: 2 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "patient.hepatic_impairment", entityId: c.patient.id } });
    expect([audit.actorId, audit.before, audit.after]).toEqual([c.psych.id, { hepaticImpairment: "NONE" }, { hepaticImpairment: "MODERATE" }]);
    expect((await refusal(setHepaticImpairment(c.nurse, c.patient.id, { level: "SEVERE", version: 2 }))).status).toBe(403);
    expect((await refusal(setHepaticImpairment(await adminOf(c), c.patient.id, { level: "SEVERE", version: 2 }))).status).toBe(403);
    expect((await refusal(setHepaticImpairment(other.psych, c.patient.id, { level: "SEVERE", version: 2 }))).status).toBe(404);
    expect((await refusal(setHepaticImpairment(c.psych, c.patient.id, { level: "SEVERE", version: 1 }))).status).toBe(409);
    expect(hepaticImpairmentSchema.safeParse({ level: "MILD", version: 2 }).error?.issues[0].path).toEqual(["level"]);
    expect(await db().patient.findUniqueOrThrow({ where: { id: c.patient.id } })).toMatchObject({
      hepaticImpairment: "MODERATE",
      hepaticImpairmentRecordedById: c.psych.id,
      version: 2,
    });
    expect(await db().auditEvent.count({ where: { action: "patient.hepatic_impairment", entityId: c.patient.id } })).toBe(1);
  });

  it("severe: no first device until a prescriber decides the GATE; proceed lets the nurse dose", async () => {
    const c = await clinicFixture();
    await setHepaticImpairment(c.psych, c.patient.id, { level: "SEVERE", version: 1 });
    const { sessionId, step } = await checkedInAndReady(c, 20);
    const e = await refusal(
      step(5, () => recordDevice(c.nurse, sessionId, { deviceId: c.devices[0].id, administeredAt: undefined, acknowledgedWarnings: [] })),
    );
    expect([e.status, e.code]).toEqual([422, "RULE_UNMET"]);
    expect((e.details as { unmet: { code: string }[] }).unmet.map((u) => u.code)).toEqual(["R48_GATE"]);
    expect((await sessionView(sessionId, new Date()))!.state.gates.map((g: { code: string }) => g.code)).toContain("R48_GATE");
    expect(await db().deviceAdministration.count({ where: { sessionId } })).toBe(0);
    await step(6, () =>
      decideGate(c.psych, sessionId, { rule: "R48", decision: "PROCEED", reason: "Hepatology agrees; benefit outweighs risk, longer monitoring planned" }),
    );
    await step(7, () => recordDevice(c.nurse, sessionId, { deviceId: c.devices[0].id, administeredAt: undefined, acknowledgedWarnings: [] }));
    expect(await db().deviceAdministration.count({ where: { sessionId } })).toBe(1);
  });

  it("moderate: the discharge assessment shows 'may need longer monitoring'; discharge stays possible at 120 minutes and keeps the notice", async () => {
    const c = await clinicFixture();
    await setHepaticImpairment(c.psych, c.patient.id, { level: "MODERATE", version: 1 });
    const { sessionId: s, step } = await checkedInAndReady(c, 135);
    await step(5, () => recordDevice(c.nurse, s, { deviceId: c.devices[0].id, administeredAt: undefined, acknowledgedWarnings: [] }));
    await step(10, () => recordDevice(c.nurse, s, { deviceId: c.devices[1].id, administeredAt: undefined, acknowledgedWarnings: [] }));
    await step(45, () => recordVital(c.nurse, s, vitalsSchema.parse({ kind: "POST_40", systolic: 140, diastolic: 86, spo2: 97 })));
    const facts = async () => (await loadSessionFacts(db(), s, new Date()))!.facts;
    const midway = dischargeReadiness(await facts(), ago(90));
    expect(midway.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/may need longer monitoring/));
    expect(midway.unmet.map((u) => u.code)).toContain("R30_MIN_OBSERVATION");
    await recordVital(c.nurse, s, vitalsSchema.parse({ takenAt: ago(3).toISOString(), systolic: 130, diastolic: 82, spo2: 98 }));
    await recordSedation(c.nurse, s, { takenAt: ago(2), moaas: 5 });
    await recordDissociation(c.nurse, s, { takenAt: ago(2), present: false, scale: "NONE", itemScores: [] });
    await discharge(c.nurse, s, {
      rideConfirmed: true,
      clinicallyStable: true,
      noDrivingReminder: true,
      vitalsAcceptablePreAdministration: true,
      vitalsAcceptablePreCompletion: true,
      readyToLeaveMinutes: 100,
    });
    const snapshot = (await db().dischargeDecision.findUniqueOrThrow({ where: { sessionId: s } })).criteriaSnapshot as { warnings: { code: string }[] };
    expect(snapshot.warnings.map((w) => w.code)).toContain("R48_MODERATE_HEPATIC");
  });
});
