import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db/client";
import { remsParametersAt } from "@/lib/rems/data";
import { loadSessionFacts, loadSessionFactsMany } from "./data";
import { clinicFixture } from "./testing/db-fixture";
import type { SessionFacts } from "./facts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string) => new Date(iso);

/**
 * A session with one record of every kind the rules read, and the records the loader must leave out (entered in
 * error, removed, superseded, resolved, stopped, later): built row by row so each expected fact is known here.
 */
async function richSession() {
  const c = await clinicFixture();
  const client = db();
  await client.site.update({
    where: { id: c.site.id },
    data: { postDoseAlertSystolic: 175, urgentDiastolic: 118, preDoseCeilingSystolic: 150, observationAnchor: "LAST_DEVICE" },
  });
  const [oldEnrollment] = await client.remsEnrollment.findMany({ where: { patientId: c.patient.id } });
  await client.remsEnrollment.create({
    data: {
      patientId: c.patient.id,
      prescriberId: c.psych.id,
      siteId: c.site.id,
      supersedesId: oldEnrollment.id,
      patientSignedAt: at("2026-02-01T10:00:00.123Z"),
      prescriberSignedAt: at("2026-02-01T11:00:00Z"),
      submittedAt: null,
      channel: "FAX",
      remsConfirmation: null,
      correctionReason: "Re-enrolled",
    },
  });
  await client.clinicalFlag.createMany({
    data: [
      { patientId: c.patient.id, category: "CAUTION", kind: "PSYCHOSIS_HISTORY", recordedAt: at("2026-03-01T09:00:00Z") },
      { patientId: c.patient.id, category: "CONTRAINDICATION", kind: "HYPERSENSITIVITY", recordedAt: at("2026-03-02T09:00:00Z") },
      { patientId: c.patient.id, category: "CAUTION", kind: "BREASTFEEDING", recordedAt: at("2026-03-03T09:00:00Z"), removedAt: at("2026-03-04T09:00:00Z") },
    ],
  });
  await client.concomitantMedication.createMany({
    data: [
      { patientId: c.patient.id, name: "Lorazepam", drugClass: "BENZODIAZEPINE", startedOn: day("2026-01-01"), stoppedOn: day("2026-05-31") },
      { patientId: c.patient.id, name: "Methylphenidate", drugClass: "PSYCHOSTIMULANT", startedOn: day("2026-06-02") },
      { patientId: c.patient.id, name: "Naltrexone", drugClass: "OPIOID_ANTAGONIST", startedOn: day("2026-05-01"), stoppedOn: day("2026-06-02") },
    ],
  });
  const session = (treatmentDate: string, extra: object = {}) =>
    client.treatmentSession.create({
      data: {
        patientId: c.patient.id,
        siteId: c.site.id,
        status: "DISCHARGED",
        indication: "TRD",
        treatmentDate: day(treatmentDate),
        checkedInAt: at(`${treatmentDate}T13:00:00Z`),
        plannedDoseMg: 56,
        ...extra,
      },
    });
  let serial = 0;
  const give = async (sessionId: string, administeredAt: string, sequence = 1, enteredInErrorAt: Date | null = null) => {
    const device = await client.device.create({ data: { lotId: c.devices[0].lotId, serial: `extra-${c.site.code}-${serial++}` } });
    return client.deviceAdministration.create({
      data: { sessionId, sequence, administeredAt: at(administeredAt), deviceId: device.id, recordedById: c.nurse.id, enteredInErrorAt },
    });
  };
  // Earlier, dosed twice (the first device struck out: its session's time is the live one), at another indication.
  const earlier = await session("2026-05-28", { plannedDoseMg: 84, indication: "MDSI" });
  await give(earlier.id, "2026-05-28T13:55:00Z", 1, at("2026-05-28T14:30:00Z"));
  await give(earlier.id, "2026-05-28T14:05:00.250Z", 2);
  // Never dosed: its only device was entered in error.
  const undosed = await session("2026-05-30");
  await give(undosed.id, "2026-05-30T14:00:00Z", 1, at("2026-05-30T14:10:00Z"));
  // Dosed after the session under test (entered after the fact), so not before it.
  const later = await session("2026-06-04");
  await give(later.id, "2026-06-04T14:00:00Z");

  const s = await session("2026-06-01", {
    status: "MONITORING",
    indication: null,
    plannedDoseMg: 112,
    otherDoseReason: "Prescriber's order",
    prescriberOnSiteId: c.psych.id,
    chairId: c.chair.id,
  });
  await give(s.id, "2026-06-01T14:10:00Z", 2);
  await give(s.id, "2026-06-01T14:00:00Z", 1);
  await give(s.id, "2026-06-01T14:03:00Z", 3, at("2026-06-01T14:04:00Z"));
  await client.preDoseChecklist.create({
    data: {
      sessionId: s.id,
      rideType: "RIDESHARE",
      driverName: null,
      driverPhone: "518-555-0199",
      lastFoodAt: at("2026-06-01T08:00:00Z"),
      lastLiquidAt: null,
      nasalMedicationAt: at("2026-06-01T07:30:00.500Z"),
      conmedBenzodiazepines: false,
      conmedSedativeHypnotics: null,
      conmedPsychostimulants: true,
      conmedMaois: false,
      conmedOpioids: false,
      conmedConfirmedAt: at("2026-06-01T13:10:00Z"),
      pregnancyStatus: "NOT_PREGNANT",
    },
  });
  const vitals = await Promise.all(
    [
      { takenAt: "2026-06-01T14:40:00Z", kind: "POST_40" as const, systolic: 150, diastolic: 92, heartRate: null, spo2: 97 },
      {
        takenAt: "2026-06-01T13:50:00Z",
        kind: "PRE_DOSE" as const,
        systolic: 128,
        diastolic: 80,
        heartRate: 72,
        spo2: 98,
        enteredInErrorAt: at("2026-06-01T13:52:00Z"),
      },
      { takenAt: "2026-06-01T13:51:00Z", kind: "PRE_DOSE" as const, systolic: 126, diastolic: 79, heartRate: 70, spo2: null },
    ].map((v) => client.observationVital.create({ data: { ...v, takenAt: at(v.takenAt), sessionId: s.id, recordedById: c.nurse.id } })),
  );
  const sedation = await client.sedationAssessment.create({
    data: { sessionId: s.id, takenAt: at("2026-06-01T14:30:00Z"), moaas: 4, recordedById: c.nurse.id },
  });
  const dissociation = await client.dissociationAssessment.create({
    data: { sessionId: s.id, takenAt: at("2026-06-01T14:31:00Z"), present: true, recordedById: c.nurse.id, enteredInErrorAt: at("2026-06-01T14:32:00Z") },
  });
  await client.clinicalDecision.createMany({
    data: [
      { sessionId: s.id, rule: "R14", decision: "DELAY", reason: "Recheck", prescriberId: c.psych.id, decidedAt: at("2026-06-01T13:55:00Z") },
      { sessionId: s.id, rule: "R14", decision: "PROCEED", reason: "Fine now", prescriberId: c.psych.id, decidedAt: at("2026-06-01T13:58:00Z") },
    ],
  });
  await client.preCompletionAssessment.createMany({
    data: [
      { sessionId: s.id, vitalsAcceptable: false, assessedAt: at("2026-06-01T15:50:00Z"), assessedById: c.nurse.id },
      { sessionId: s.id, vitalsAcceptable: true, assessedAt: at("2026-06-01T16:05:00Z"), assessedById: c.nurse.id },
    ],
  });
  const event = (type: "HYPERTENSION" | "RESPIRATORY_DEPRESSION" | "OTHER", serious: boolean, resolvedAt: Date | null) =>
    client.adverseEvent.create({
      data: {
        patientId: c.patient.id,
        siteId: c.site.id,
        sessionId: s.id,
        type,
        description: `${type} seen`,
        serious,
        onsetAt: at("2026-06-01T14:45:00Z"),
        resolvedAt,
        recordedById: c.nurse.id,
      },
    });
  const crisis = await event("HYPERTENSION", true, null);
  await event("RESPIRATORY_DEPRESSION", true, at("2026-06-01T15:00:00Z"));
  await event("OTHER", false, null);
  return { c, sessionId: s.id, vitals, sedation, dissociation, crisis };
}

describe("the session facts read from the database (lib/sessions/data loadSessionFacts)", () => {
  it("are every record the rules read, without the struck-out, removed, superseded, resolved or later ones, alike on every connection", async () => {
    const { c, sessionId, vitals, sedation, dissociation, crisis } = await richSession();
    const now = at("2026-06-01T16:10:00Z");
    const t0 = at("2026-06-01T14:00:00Z");
    const devices = (await db().deviceAdministration.findMany({ where: { sessionId }, orderBy: { sequence: "asc" } })).map((d) => ({
      id: d.id,
      sequence: d.sequence,
      administeredAt: d.administeredAt,
      lotNumber: `L${c.site.code.slice(2)}`,
      lotExpiresOn: "2030-01-01",
      enteredInError: !!d.enteredInErrorAt,
    }));
    expect(devices.map((d) => d.sequence)).toEqual([1, 2, 3]);
    const expected: SessionFacts = {
      params: await remsParametersAt(t0),
      site: {
        settingType: "OUTPATIENT",
        certificationStatus: "ACTIVE",
        pulseOximeterAttested: true,
        timeZone: "America/New_York",
        postDoseAlertSystolic: 175,
        postDoseAlertDiastolic: 110,
        urgentSystolic: 200,
        urgentDiastolic: 118,
        spo2AlertThreshold: 93,
        preDoseCeilingSystolic: 150,
        preDoseCeilingDiastolic: null,
        observationAnchor: "LAST_DEVICE",
        recertificationBlocksDosing: false,
      },
      patient: {
        indication: "TRD", // the session has none: the patient's
        enrollment: {
          patientSignedAt: at("2026-02-01T10:00:00.123Z"),
          prescriberSignedAt: at("2026-02-01T11:00:00Z"),
          submittedAt: null,
          channel: "FAX",
          remsConfirmation: null,
        },
        counselledAt: at("2026-01-05T15:00:00Z"),
        contraindications: ["HYPERSENSITIVITY"],
        cautions: [{ kind: "PSYCHOSIS_HISTORY", recordedAt: at("2026-03-01T09:00:00Z") }],
        medicationClasses: ["ORAL_ANTIDEPRESSANT", "OPIOID_ANTAGONIST"],
        medications: [
          { name: "Sertraline 100 mg", drugClass: "ORAL_ANTIDEPRESSANT" },
          { name: "Naltrexone", drugClass: "OPIOID_ANTAGONIST" },
        ],
        hepaticImpairment: "NONE",
        priorDosedSessions: [{ treatmentDate: "2026-05-28", t0: at("2026-05-28T14:05:00.250Z"), doseMg: 84, indication: "MDSI" }],
      },
      status: "MONITORING",
      treatmentDate: "2026-06-01",
      plannedDoseMg: 112,
      otherDoseReason: "Prescriber's order",
      prescriberOnSite: true,
      checklist: {
        rideType: "RIDESHARE",
        driverName: null,
        driverPhone: "518-555-0199",
        lastFoodAt: at("2026-06-01T08:00:00Z"),
        lastLiquidAt: null,
        nasalMedicationAt: at("2026-06-01T07:30:00.500Z"),
        conmedConfirmedAt: at("2026-06-01T13:10:00Z"),
        conmedBenzodiazepines: false,
        conmedSedativeHypnotics: null,
        conmedPsychostimulants: true,
        conmedMaois: false,
        conmedOpioids: false,
        pregnancyStatus: "NOT_PREGNANT",
      },
      devices,
      vitals: [vitals[1], vitals[2], vitals[0]].map((v) => ({
        id: v.id,
        takenAt: v.takenAt,
        kind: v.kind,
        systolic: v.systolic,
        diastolic: v.diastolic,
        heartRate: v.heartRate,
        spo2: v.spo2,
        enteredInError: !!v.enteredInErrorAt,
      })),
      sedation: [{ id: sedation.id, takenAt: sedation.takenAt, moaas: 4, enteredInError: false }],
      dissociation: [{ id: dissociation.id, takenAt: dissociation.takenAt, present: true, enteredInError: true }],
      decisions: [
        { rule: "R14", decision: "DELAY", decidedAt: at("2026-06-01T13:55:00Z") },
        { rule: "R14", decision: "PROCEED", decidedAt: at("2026-06-01T13:58:00Z") },
      ],
      openRespiratoryDepression: false, // resolved
      preCompletion: { vitalsAcceptable: true, assessedAt: at("2026-06-01T16:05:00Z") },
    };
    const want = { facts: expected, siteId: c.site.id, patientId: c.patient.id, version: 1 };
    const openSeriousEvents = [{ id: crisis.id, type: "HYPERTENSION", description: "HYPERTENSION seen" }];

    // Outside a transaction (the board, the session page), in the app's transactions, and in a bare Prisma one.
    const outside = await loadSessionFacts(db(), sessionId, now);
    const inTransaction = await transaction((tx) => loadSessionFacts(tx, sessionId, now));
    const inPrismaTransaction = await db().$transaction((tx) => loadSessionFacts(tx, sessionId, now));
    for (const loaded of [outside, inTransaction, inPrismaTransaction]) {
      expect(loaded).toEqual({ ...want, openSeriousEvents });
      expect(loaded!.facts.devices[0].administeredAt).toBeInstanceOf(Date);
    }
  });

  it("read several sessions at once, each with its own history, and nothing for an unknown id", async () => {
    const a = await richSession();
    const b = await clinicFixture();
    const other = await db().treatmentSession.create({
      data: { patientId: b.patient.id, siteId: b.site.id, status: "CHECKED_IN", indication: "TRD", treatmentDate: day("2026-06-01") },
    });
    const now = at("2026-06-01T16:10:00Z");
    const many = await loadSessionFactsMany(db(), [a.sessionId, other.id, "no-such-session"], now);
    expect([...many.keys()].sort()).toEqual([a.sessionId, other.id].sort());
    expect(many.get(a.sessionId)).toEqual(await loadSessionFacts(db(), a.sessionId, now));
    const fresh = many.get(other.id)!.facts;
    expect(fresh.patient.priorDosedSessions).toEqual([]);
    expect(fresh.devices).toEqual([]);
    expect(fresh.checklist).toBeNull();
    expect(fresh.preCompletion).toBeNull();
    expect(fresh.patient.medications).toEqual([{ name: "Sertraline 100 mg", drugClass: "ORAL_ANTIDEPRESSANT" }]);
    expect(fresh.params).toEqual(await remsParametersAt(now));
  });
});
