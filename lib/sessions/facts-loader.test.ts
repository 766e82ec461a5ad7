import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db/client";
import { remsParametersAt } from "@/lib/rems/data";
import { loadActiveSessionFacts, loadSessionFacts, loadSessionFactsMany } from "./data";
import { boardFor } from "./view";
import { clinicFixture } from "./testing/db-fixture";
import type { SessionFacts } from "./facts";
import { scheduleChecks } from "./device-rules";
import { patientMayBeDosed } from "./eligibility-rules";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string) => new Date(iso);

/** The checklist of the rich session: its facts are these columns as they were written. */
const checklist: NonNullable<SessionFacts["checklist"]> = {
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
};

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
  await client.preDoseChecklist.create({ data: { sessionId: s.id, ...checklist } });
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
      checklist,
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
    const card = {
      chair: "Chair 1",
      patientName: `Pat ${c.patient.lastName}`,
      mrn: c.patient.mrn,
      birthDate: "1980-04-02",
      backEntryReason: null,
      checkedInAt: at("2026-06-01T13:00:00Z"),
    };
    const want = { sessionId, facts: expected, siteId: c.site.id, patientId: c.patient.id, version: 1, card };
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

  it("of a board: every active session at its sites and no other, in chair order, each card with the facts a command reads", async () => {
    const a = await richSession();
    const other = await clinicFixture();
    const client = db();
    await client.treatmentSession.update({ where: { id: a.sessionId }, data: { status: "MONITORING" } });
    // One session a day per patient: each of these is another patient's at the same site.
    let k = 0;
    const active = async (status: "CHECKED_IN" | "DOSING" | "MONITORING" | "DISCHARGED" | "NOT_DOSED", chairId: string | null, extra: object = {}) => {
      const patient = await client.patient.create({
        data: { siteId: a.c.site.id, mrn: `${a.c.patient.mrn}-${++k}`, firstName: "Other", lastName: `Patient${k}`, birthDate: day("1990-01-01"), sex: "MALE" },
      });
      return client.treatmentSession.create({
        data: { patientId: patient.id, siteId: a.c.site.id, status, indication: "TRD", treatmentDate: day("2026-06-01"), chairId, ...extra },
      });
    };
    const noChair = await active("DOSING", null); // created before Chair 2's, shown after it
    const checkedIn = await active("CHECKED_IN", a.c.chair2.id, { backEntryReason: "Paper form after a power cut", checkedInAt: at("2026-06-01T14:00:00Z") });
    await active("DISCHARGED", a.c.chair2.id);
    await active("NOT_DOSED", a.c.chair.id);
    await client.treatmentSession.create({
      data: { patientId: other.patient.id, siteId: other.site.id, status: "MONITORING", indication: "TRD", treatmentDate: day("2026-06-01") },
    });
    const now = at("2026-06-01T16:10:00Z");

    const board = await loadActiveSessionFacts(db(), [a.c.site.id], now);
    // Chair 1, Chair 2, then the session without a chair; the discharged, not-dosed and other site's are not on it.
    expect(board.map((l) => l.sessionId)).toEqual([a.sessionId, checkedIn.id, noChair.id]);
    expect(board[0]).toEqual(await loadSessionFacts(db(), a.sessionId, now));
    expect(board[1].card).toMatchObject({ chair: "Chair 2", backEntryReason: "Paper form after a power cut", checkedInAt: at("2026-06-01T14:00:00Z") });
    expect(board[2].card.chair).toBeNull();
    expect((await loadActiveSessionFacts(db(), [a.c.site.id, other.site.id], now)).length).toBe(4);
    expect(await loadActiveSessionFacts(db(), [], now)).toEqual([]);

    const cards = await boardFor([a.c.site.id], now);
    expect(cards.map((x) => [x.sessionId, x.chair, x.status, x.timeZone])).toEqual([
      [a.sessionId, "Chair 1", "MONITORING", "America/New_York"],
      [checkedIn.id, "Chair 2", "CHECKED_IN", "America/New_York"],
      [noChair.id, "No chair", "DOSING", "America/New_York"],
    ]);
    expect(cards[0]).toMatchObject({ patientName: `Pat ${a.c.patient.lastName}`, mrn: a.c.patient.mrn, birthDate: "1980-04-02" });
  });

  it("take of a long course what the rules read (first, first MDSI, last, the last 7 days), and the rules find the same as on the whole course", async () => {
    const c = await clinicFixture();
    const client = db();
    // A caution recorded between sessions: R9 asks for a decision at the first session after it (reads the last one).
    await client.clinicalFlag.create({
      data: { patientId: c.patient.id, category: "CAUTION", kind: "PSYCHOSIS_HISTORY", recordedAt: at("2026-04-25T09:00:00Z") },
    });
    const course: [string, "TRD" | "MDSI", number][] = [
      ["2026-03-02", "TRD", 56],
      ["2026-03-05", "MDSI", 84],
      ["2026-03-09", "TRD", 84],
      ["2026-04-01", "TRD", 84],
      ["2026-04-20", "MDSI", 56],
      ["2026-05-01", "TRD", 28],
      ["2026-05-20", "TRD", 84],
      ["2026-05-24", "TRD", 56],
      ["2026-05-26", "TRD", 84],
      ["2026-05-29", "TRD", 84],
      ["2026-06-01", "TRD", 84],
      ["2026-06-03", "TRD", 84],
    ];
    const ids: string[] = [];
    for (const [i, [date, indication, dose]] of course.entries()) {
      const device = await client.device.create({ data: { lotId: c.devices[0].lotId, serial: `course-${c.site.code}-${i}` } });
      const s = await client.treatmentSession.create({
        data: { patientId: c.patient.id, siteId: c.site.id, status: "DISCHARGED", indication, treatmentDate: day(date), plannedDoseMg: dose },
      });
      await client.deviceAdministration.create({
        data: { sessionId: s.id, sequence: 1, administeredAt: at(`${date}T14:00:00Z`), deviceId: device.id, recordedById: c.nurse.id },
      });
      ids.push(s.id);
    }
    const whole = course.map(([date, indication, dose]) => ({ treatmentDate: date, t0: at(`${date}T14:00:00Z`), doseMg: dose, indication }));
    const now = at("2026-06-05T12:00:00Z");
    const many = await loadSessionFactsMany(db(), ids, now);
    for (const [i, id] of ids.entries()) {
      const f = many.get(id)!.facts;
      const before = whole.slice(0, i);
      // Read: the first, the first MDSI, the last before the 7 days up to the session's date, and those days'.
      const date = course[i][0];
      const inWeek = before.filter((x) => x.treatmentDate >= new Date(day(date).getTime() - 6 * 86_400_000).toISOString().slice(0, 10));
      const lastBefore = before.filter((x) => !inWeek.includes(x)).at(-1);
      const wanted = before.filter((x) => x === before[0] || x === before.find((y) => y.indication === "MDSI") || x === lastBefore || inWeek.includes(x));
      expect(f.patient.priorDosedSessions, date).toEqual(wanted);
      // …and every rule that reads the course finds the same as on the whole of it, whatever the dose and indication.
      const full: SessionFacts = { ...f, patient: { ...f.patient, priorDosedSessions: before } };
      for (const indication of ["TRD", "MDSI"] as const)
        for (const plannedDoseMg of [56, 84]) {
          const variant = (x: SessionFacts): SessionFacts => ({ ...x, plannedDoseMg, patient: { ...x.patient, indication } });
          expect(scheduleChecks(variant(f)), `${date} ${indication} ${plannedDoseMg}`).toEqual(scheduleChecks(variant(full)));
        }
      const t0 = at(`${date}T14:00:00Z`);
      expect(patientMayBeDosed(f.patient, f.site, f.params, f.decisions, t0)).toEqual(
        patientMayBeDosed(full.patient, full.site, full.params, full.decisions, t0),
      );
    }
    // The course is long enough that something was left out, and the rules had findings to compare.
    const last = many.get(ids.at(-1)!)!.facts;
    expect(last.patient.priorDosedSessions.length).toBeLessThan(course.length - 1);
    expect(scheduleChecks(last).map((x) => x.code)).toContain("R24_FREQUENCY");
  });
});
