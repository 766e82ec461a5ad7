// Data tests against the real PostgreSQL: R6 enrollment and R7 counselling as recorded on the patient page,
// read by the dosing gate (the first-device check's own facts), and demographics edits.
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db/client";
import { atTime } from "@/lib/clock";
import { refusal } from "@/lib/http/testing/refusal";
import { checkIn } from "@/lib/sessions/commands";
import { loadSessionFacts } from "@/lib/sessions/data";
import { patientMayBeDosed } from "@/lib/sessions/eligibility-rules";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { addDays, siteDay } from "@/lib/time/days";
import { can } from "@/lib/auth/permissions";
import { counsellingHistory, enrollmentHistory, recordCounselling, recordEnrollment } from "./enrollment";
import { COUNSELLING_TOPICS, counsellingSchema, enrollmentSchema, type EnrollmentInput } from "./enrollment-schema";
import { patientDetail, updatePatient } from "./data";
import { editPatientSchema } from "./schema";

const TZ = "America/New_York";
const today = () => siteDay(new Date(), TZ);
const daysAgo = (n: number) => addDays(today(), -n);

/** A new patient (no enrollment, no counselling) checked in at a certified outpatient site. */
async function newPatientCheckedIn() {
  const c = await clinicFixture({ enrolled: false });
  const { result } = await checkIn(c.nurse, {
    patientId: c.patient.id,
    chairId: c.chair.id,
    prescriberOnSiteId: c.psych.id,
    monitoringHcpId: c.nurse.id,
    indication: "TRD",
  });
  return { ...c, sessionId: result.id };
}

/** The R6/R7 findings the first-device check would raise now, from the facts it loads itself. */
async function gate(sessionId: string) {
  const now = new Date();
  return transaction(async (tx) => {
    const { facts } = (await loadSessionFacts(tx, sessionId, now))!;
    return patientMayBeDosed(facts.patient, facts.site, facts.params, facts.decisions, now)
      .map((f) => f.code)
      .filter((c) => c.startsWith("R6") || c.startsWith("R7"));
  });
}

const complete = (prescriberId: string, over: Partial<EnrollmentInput> = {}) =>
  enrollmentSchema.parse({
    prescriberId,
    patientSignedOn: daysAgo(3),
    prescriberSignedOn: daysAgo(2),
    submittedOn: daysAgo(1),
    channel: "FAX",
    remsConfirmation: "ENR-4411",
    ...over,
  });

describe("REMS enrollment (R6) and counselling (R7) open the dosing gate", () => {
  it("opens the gate only once the enrollment is complete and counselling covers every REMS topic", async () => {
    const c = await newPatientCheckedIn();
    expect(await gate(c.sessionId)).toEqual(["R6_NOT_ENROLLED", "R7_NOT_COUNSELLED"]);

    const first = await recordEnrollment(c.nurse, c.patient.id, complete(c.psych.id));
    expect(first).toMatchObject({ complete: true, missing: [] });
    expect(await gate(c.sessionId)).toEqual(["R7_NOT_COUNSELLED"]);

    // Counselling over two visits: the gate opens once every topic is covered.
    await recordCounselling(
      c.nurse,
      c.patient.id,
      counsellingSchema.parse({
        counselledById: c.nurse.id,
        counselledAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
        topics: ["sedation", "dissociation", "respiratory_depression"],
      }),
    );
    expect(await gate(c.sessionId)).toEqual(["R7_NOT_COUNSELLED"]);
    const r = await recordCounselling(
      c.psych,
      c.patient.id,
      counsellingSchema.parse({ counselledById: c.psych.id, topics: ["blood_pressure", "two_hour_monitoring", "ride_home", "no_driving"] }),
    );
    expect(r.missingTopics).toEqual([]);
    expect(await gate(c.sessionId)).toEqual([]);

    const detail = (await patientDetail(c.patient.id))!;
    expect(detail.enrolled).toBe(true);
    expect(detail.counselledAt).not.toBeNull();
    const history = await counsellingHistory(c.patient.id);
    expect(history.records).toHaveLength(2);
    expect(history.missingTopics).toEqual([]);
  });

  it("an enrollment without the prescriber's signature date (or without the REMS confirmation) keeps the gate closed", async () => {
    const c = await newPatientCheckedIn();
    await recordCounselling(c.nurse, c.patient.id, counsellingSchema.parse({ counselledById: c.nurse.id, topics: [...COUNSELLING_TOPICS] }));
    const partial = await recordEnrollment(c.nurse, c.patient.id, enrollmentSchema.parse({ prescriberId: c.psych.id, patientSignedOn: daysAgo(1) }));
    expect(partial).toMatchObject({ complete: false, missing: ["prescriberSignedAt", "submittedAt", "channel", "remsConfirmation"] });
    expect(await gate(c.sessionId)).toEqual(["R6_NOT_ENROLLED"]);

    const unconfirmed = await recordEnrollment(
      c.nurse,
      c.patient.id,
      complete(c.psych.id, { remsConfirmation: "", supersedesId: partial.id, correctionReason: "Prescriber signed, faxed" }),
    );
    expect(unconfirmed.missing).toEqual(["remsConfirmation"]);
    expect(await gate(c.sessionId)).toEqual(["R6_NOT_ENROLLED"]);
    expect((await patientDetail(c.patient.id))!.enrolled).toBe(false);
  });

  it("a correction keeps history: the old row stays, the new one is current and audited old → new; a stale correction is 409", async () => {
    const c = await newPatientCheckedIn();
    const first = await recordEnrollment(c.nurse, c.patient.id, complete(c.psych.id, { remsConfirmation: "ENR-WRONG" }));
    const second = await recordEnrollment(
      c.psych,
      c.patient.id,
      complete(c.psych.id, { supersedesId: first.id, correctionReason: "Confirmation number mistyped" }),
    );
    const history = await enrollmentHistory(c.patient.id);
    expect(history.map((h) => [h.id, h.current, h.remsConfirmation])).toEqual([
      [second.id, true, "ENR-4411"],
      [first.id, false, "ENR-WRONG"],
    ]);
    expect(history[0]).toMatchObject({ correctionReason: "Confirmation number mistyped", submittedOn: daysAgo(1), channel: "FAX" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "patient.enrollment_correct", entityId: second.id } });
    expect(audit).toMatchObject({
      actorId: c.psych.id,
      siteId: c.site.id,
      patientId: c.patient.id,
      before: { remsConfirmation: "ENR-WRONG" },
      after: { remsConfirmation: "ENR-4411", supersedesId: first.id },
    });
    expect(await db().auditEvent.count({ where: { action: "patient.enrollment", entityId: first.id } })).toBe(1);

    // Someone still looking at the first row (or thinking there is none) cannot replace the current one.
    for (const supersedesId of [first.id, ""]) {
      const e = await refusal(
        recordEnrollment(c.nurse, c.patient.id, complete(c.psych.id, { supersedesId, correctionReason: supersedesId ? "Another correction" : "" })),
      );
      expect(e.status).toBe(409);
    }
    expect(await db().remsEnrollment.count({ where: { patientId: c.patient.id } })).toBe(2);
  });

  it("refuses at the field a prescriber who is not a psychiatrist of the patient's site, and dates in the future; nothing saved", async () => {
    const c = await newPatientCheckedIn();
    const other = await clinicFixture();
    for (const prescriberId of [c.nurse.id, other.psych.id]) {
      const e = await refusal(recordEnrollment(c.nurse, c.patient.id, complete(prescriberId)));
      expect(e.status).toBe(422);
      expect(e.fieldErrors?.prescriberId).toEqual(["The prescriber must be a psychiatrist of the patient's site"]);
    }
    const future = await refusal(
      recordEnrollment(
        c.nurse,
        c.patient.id,
        complete(c.psych.id, { patientSignedOn: today(), prescriberSignedOn: today(), submittedOn: addDays(today(), 2) }),
      ),
    );
    expect(future.fieldErrors).toEqual({ submittedOn: ["The submission date is in the future"] });
    // The server's clock decides, not the form's: "today" three days ago makes yesterday's dates future.
    const early = await refusal(
      atTime(new Date(Date.now() - 3 * 86_400_000), () =>
        recordEnrollment(c.nurse, c.patient.id, complete(c.psych.id, { patientSignedOn: daysAgo(1), prescriberSignedOn: daysAgo(1), submittedOn: daysAgo(1) })),
      ),
    );
    expect(Object.keys(early.fieldErrors ?? {}).sort()).toEqual(["patientSignedOn", "prescriberSignedOn", "submittedOn"]);
    expect(await db().remsEnrollment.count({ where: { patientId: c.patient.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { patientId: c.patient.id, action: { startsWith: "patient.enrollment" } } })).toBe(0);
  });

  it("checks the form's order in the shared schema: submission after both signatures, with its channel", () => {
    const r = enrollmentSchema.safeParse({ prescriberId: "x", patientSignedOn: "2026-03-05", prescriberSignedOn: "2026-03-02", submittedOn: "2026-03-04" });
    expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["submittedOn", "Submitted before the patient signed: check the dates"],
      ["channel", "Say how the form was submitted: online or fax"],
    ]);
    expect(enrollmentSchema.safeParse({ prescriberId: "x", supersedesId: "y" }).error?.issues[0].path).toEqual(["correctionReason"]);
  });

  it("refuses counselling in the future or by someone who is not a clinician of the site; records who, when and what, audited", async () => {
    const c = await newPatientCheckedIn();
    const other = await clinicFixture();
    const future = await refusal(
      recordCounselling(
        c.nurse,
        c.patient.id,
        counsellingSchema.parse({ counselledById: c.nurse.id, counselledAt: new Date(Date.now() + 3_600_000).toISOString(), topics: ["sedation"] }),
      ),
    );
    expect(future.fieldErrors).toEqual({ counselledAt: ["This time is in the future"] });
    const stranger = await refusal(recordCounselling(c.nurse, c.patient.id, counsellingSchema.parse({ counselledById: other.nurse.id, topics: ["sedation"] })));
    expect(stranger.fieldErrors).toEqual({ counselledById: ["Choose a nurse or psychiatrist of the patient's site"] });
    expect(counsellingSchema.safeParse({ counselledById: c.nurse.id, topics: ["astrology"] }).success).toBe(false);
    expect(await db().counsellingRecord.count({ where: { patientId: c.patient.id } })).toBe(0);

    const at = new Date(Date.now() - 60 * 60_000);
    const { id, missingTopics } = await recordCounselling(
      c.nurse,
      c.patient.id,
      counsellingSchema.parse({ counselledById: c.psych.id, counselledAt: at.toISOString(), topics: ["sedation", "ride_home"] }),
    );
    expect(missingTopics).toEqual(["dissociation", "respiratory_depression", "blood_pressure", "two_hour_monitoring", "no_driving"]);
    expect(await db().counsellingRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({
      counselledById: c.psych.id,
      counselledAt: at,
      topics: ["sedation", "ride_home"],
    });
    expect(await db().auditEvent.findFirstOrThrow({ where: { action: "patient.counselling", entityId: id } })).toMatchObject({
      actorId: c.nurse.id,
      siteId: c.site.id,
      patientId: c.patient.id,
    });
  });

  it("is recorded by nurses and psychiatrists, not administrators (permission table)", () => {
    for (const action of ["enrollment.record", "counselling.record", "patient.write"] as const) {
      expect(can("NURSE", action)).toBe(true);
      expect(can("PSYCHIATRIST", action)).toBe(true);
      expect(can("ADMIN", action)).toBe(false);
    }
  });
});

describe("editing a patient's demographics", () => {
  const edit = (p: { mrn: string; version: number }, over: Record<string, unknown> = {}) =>
    editPatientSchema.parse({
      mrn: p.mrn,
      firstName: "Patricia",
      middleInitial: "Q",
      lastName: "Test",
      birthDate: "1980-04-02",
      sex: "FEMALE",
      phone: "518-555-0199",
      email: "pat@example.com",
      indication: "TRD",
      version: p.version,
      ...over,
    });

  it("saves the change with one audit row old → new and a new version", async () => {
    const c = await clinicFixture();
    const r = await updatePatient(c.nurse, c.patient.id, edit(c.patient, { lastName: c.patient.lastName }));
    expect(r).toMatchObject({ version: 2, changed: ["firstName", "middleInitial", "phone", "email"] });
    const p = await db().patient.findUniqueOrThrow({ where: { id: c.patient.id } });
    expect(p).toMatchObject({ firstName: "Patricia", middleInitial: "Q", phone: "518-555-0199", email: "pat@example.com", version: 2 });
    const audit = await db().auditEvent.findMany({ where: { action: "patient.update", entityId: c.patient.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: c.nurse.id,
      siteId: c.site.id,
      before: { firstName: "Pat", middleInitial: null, phone: null, email: null },
      after: { firstName: "Patricia", middleInitial: "Q", phone: "518-555-0199", email: "pat@example.com" },
    });
  });

  it("refuses a stale version with 409 and an MRN already used at the site with 409 at the field; nothing saved", async () => {
    const c = await clinicFixture();
    await updatePatient(c.nurse, c.patient.id, edit(c.patient, { lastName: c.patient.lastName }));
    const stale = await refusal(updatePatient(c.psych, c.patient.id, edit(c.patient, { firstName: "Paula" })));
    expect([stale.status, stale.code]).toEqual([409, "VERSION_CONFLICT"]);
    const other = await db().patient.create({
      data: { siteId: c.site.id, mrn: `${c.patient.mrn}-B`, firstName: "Other", lastName: "Patient", birthDate: new Date("1975-01-01"), sex: "MALE" },
    });
    const dup = await refusal(updatePatient(c.nurse, other.id, edit({ mrn: c.patient.mrn, version: 1 }, { lastName: "Patient" })));
    expect(dup.status).toBe(409);
    expect(dup.fieldErrors?.mrn).toEqual(["This medical record number is already in use at this site"]);
    expect((await db().patient.findUniqueOrThrow({ where: { id: c.patient.id } })).firstName).toBe("Patricia");
    expect(await db().auditEvent.count({ where: { action: "patient.update", entityId: { in: [c.patient.id, other.id] } } })).toBe(1);
  });

  it("refuses at the field what the registration form refuses (shared schema)", () => {
    const r = editPatientSchema.safeParse({
      mrn: "A 1",
      firstName: "",
      lastName: "X",
      birthDate: "2020-01-01",
      sex: "FEMALE",
      indication: "TRD",
      email: "not-an-email",
      version: 1,
    });
    expect(Object.keys(z_flat(r.error)).sort()).toEqual(["birthDate", "email", "firstName", "mrn"]);
  });
});

const z_flat = (e: { issues: { path: PropertyKey[] }[] } | undefined) => Object.fromEntries((e?.issues ?? []).map((i) => [String(i.path[0]), true]));
