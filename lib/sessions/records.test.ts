import { describe, expect, it } from "vitest";
import { refusal } from "@/lib/http/testing/refusal";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { dischargedSession } from "@/lib/reports/testing/discharged-session";
import { deviationReport } from "@/lib/reports/deviations";
import { reviewQueue } from "@/lib/review/queue";
import { siteDay } from "@/lib/time/days";
import {
  decideGate,
  discharge,
  recordDevice,
  recordDissociation,
  recordHypertensiveCrisis,
  recordPreCompletion,
  recordSedation,
  recordSessionDeviation,
  recordVital,
} from "./commands";
import { vitalsSchema } from "./schema";
import { minutesAgo, readyToDose } from "./testing/session-steps";
import { boardFor } from "./view";

const vital = (v: Record<string, unknown>) => vitalsSchema.parse(v);
const attest = { rideConfirmed: true, clinicallyStable: true, noDrivingReminder: true, vitalsAcceptablePreAdministration: true, readyToLeaveMinutes: 95 };

/** A dosed session 125 minutes after T0 that meets every discharge criterion except the R35 answer. */
async function readyForDischarge() {
  const c = await readyToDose({}, 135);
  const s = c.sessionId;
  await recordDevice(c.nurse, s, { deviceId: c.devices[0].id, administeredAt: minutesAgo(125), acknowledgedWarnings: [] });
  await recordDevice(c.nurse, s, { deviceId: c.devices[1].id, administeredAt: minutesAgo(120), acknowledgedWarnings: [] });
  await recordVital(c.nurse, s, vital({ takenAt: minutesAgo(85).toISOString(), systolic: 150, diastolic: 90, spo2: 97 }));
  await recordVital(c.nurse, s, vital({ takenAt: minutesAgo(5).toISOString(), systolic: 130, diastolic: 82, spo2: 98 }));
  await recordSedation(c.nurse, s, { takenAt: minutesAgo(4), moaas: 5 });
  await recordDissociation(c.nurse, s, { takenAt: minutesAgo(4), present: false, scale: "NONE", itemScores: [] });
  return c;
}

describe("what the clinic noticed, as rows", () => {
  it("keeps each alert as a row of the entry that raised it: high BP, low SpO₂, deep sedation, crisis symptoms; none for a normal reading", async () => {
    const c = await readyToDose({}, 60);
    const s = c.sessionId;
    await recordDevice(c.nurse, s, { deviceId: c.devices[0].id, administeredAt: minutesAgo(50), acknowledgedWarnings: [] });
    const normal = await recordVital(c.nurse, s, vital({ takenAt: minutesAgo(45).toISOString(), systolic: 130, diastolic: 80, spo2: 97 }));
    const high = await recordVital(c.nurse, s, vital({ takenAt: minutesAgo(40).toISOString(), systolic: 185, diastolic: 100, spo2: 91 }));
    const sed = await recordSedation(c.nurse, s, { takenAt: minutesAgo(39), moaas: 3 });
    const crisis = await recordHypertensiveCrisis(c.nurse, s, { notedAt: minutesAgo(38), symptoms: ["SEVERE_HEADACHE"] } as never);
    const rows = await db().sessionAlert.findMany({ where: { sessionId: s }, orderBy: [{ raisedAt: "asc" }, { code: "asc" }] });
    expect(rows.map((r) => [r.code, r.severity, r.entityType, r.entityId])).toEqual([
      ["R26_BP_HIGH", "alert", "ObservationVital", high.result.id],
      ["R27_SPO2_LOW", "alert", "ObservationVital", high.result.id],
      ["R28_MODERATE_SEDATION", "alert", "SedationAssessment", sed.result.id],
      ["R26_CRISIS", "urgent", "AdverseEvent", crisis.result.id],
    ]);
    expect(rows.some((r) => r.entityId === normal.result.id)).toBe(false);
    // The row says what the nurse was shown.
    expect(rows[0].message).toBe(high.result.alerts[0].message);
    expect(await db().auditEvent.count({ where: { action: "alert.raise", entityId: { in: rows.map((r) => r.id) } } })).toBe(4);
  });

  it("keeps each acknowledged SOFT warning as a row: who, when, which warning and its words, at which device", async () => {
    const s = await dischargedSession({ lateFood: true });
    const rows = await db().warningAcknowledgement.findMany({ where: { sessionId: s.sessionId }, orderBy: { step: "asc" } });
    // R12 is judged at the first device only: one acknowledgement, at device 1.
    expect(rows.map((r) => [r.code, r.step, r.acknowledgedById, r.entityType])).toEqual([["R12_FOOD", "device 1", s.nurse.id, "DeviceAdministration"]]);
    expect(rows[0].message).toMatch(/food/i);
    expect(rows[0].acknowledgedAt).toBeInstanceOf(Date);
  });
});

describe("R35: vital signs not acceptable before completion", () => {
  it("records the nurse's 'No' even though discharge is refused; the GATE shows on the board and in the review queue; a prescriber's proceed lets her discharge", async () => {
    const c = await readyForDischarge();
    const s = c.sessionId;
    const refused = await refusal(discharge(c.nurse, s, { ...attest, vitalsAcceptablePreCompletion: false }));
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.details ?? refused)).toContain("R35_GATE");
    const answers = await db().preCompletionAssessment.findMany({ where: { sessionId: s } });
    expect(answers).toMatchObject([{ vitalsAcceptable: false, assessedById: c.nurse.id }]);
    const card = (await boardFor([c.site.id], new Date())).find((x) => x.sessionId === s)!;
    expect(card.gates.map((g) => g.code)).toContain("R35_GATE");
    expect((await reviewQueue([c.site.id], new Date())).gated.map((x) => x.sessionId)).toEqual([s]);
    // Only prescribers decide GATEs (the route asks the permission table: a nurse gets 403).
    expect(can("NURSE", "gate.decide")).toBe(false);
    await decideGate(c.psych, s, { rule: "R35", decision: "PROCEED", reason: "BP settling, patient asymptomatic, escort present" });
    expect((await boardFor([c.site.id], new Date())).find((x) => x.sessionId === s)!.gates).toEqual([]);
    const done = await discharge(c.nurse, s, { ...attest, vitalsAcceptablePreCompletion: false });
    expect(done.totalMinutes).toBe(125);
    // The same answer again is not a new fact; the PMF says what was answered.
    expect(await db().preCompletionAssessment.count({ where: { sessionId: s } })).toBe(1);
    const pmf = await db().patientMonitoringForm.findFirstOrThrow({ where: { sessionId: s } });
    expect(pmf.fields).toMatchObject({ vitalsAcceptablePreCompletion: false });
  });

  it("a delay keeps discharge blocked; a 'No' given after a proceed needs a new decision", async () => {
    const c = await readyForDischarge();
    const s = c.sessionId;
    await recordPreCompletion(c.nurse, s, { vitalsAcceptable: false });
    await decideGate(c.psych, s, { rule: "R35", decision: "DELAY", reason: "Repeat vitals in 15 minutes" });
    const e = await refusal(discharge(c.nurse, s, attest as never));
    expect(JSON.stringify(e.details ?? e)).toContain("R35_DELAYED");
    // Acceptable on re-assessment: no GATE any more.
    await recordPreCompletion(c.nurse, s, { vitalsAcceptable: true });
    expect((await boardFor([c.site.id], new Date())).find((x) => x.sessionId === s)!.gates).toEqual([]);
    await recordPreCompletion(c.nurse, s, { vitalsAcceptable: false });
    expect((await boardFor([c.site.id], new Date())).find((x) => x.sessionId === s)!.gates.map((g) => g.code)).toEqual(["R35_GATE"]);
  });
});

describe("a protocol deviation recorded with a reason", () => {
  it("is a row with who and why, shown in the deviation report, the review queue and the unsubmitted PMF", async () => {
    const s = await dischargedSession();
    const { id } = await recordSessionDeviation(s.nurse, s.sessionId, {
      description: "Patient left the chair for 10 minutes",
      reason: "Escorted to the bathroom by staff",
    });
    expect(await db().protocolDeviation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      code: "RECORDED",
      reason: "Escorted to the bathroom by staff",
      recordedById: s.nurse.id,
    });
    expect(await db().auditEvent.count({ where: { action: "deviation.record", entityId: id } })).toBe(1);
    // from the day the session began (yesterday, just after the site's midnight) to today
    const report = await deviationReport([s.site.id], siteDay(new Date(Date.now() - 4 * 3_600_000), s.site.timeZone), siteDay(new Date(), s.site.timeZone));
    expect(report.rows[0].deviations).toContainEqual({
      kind: "recorded",
      code: "RECORDED",
      message: "Patient left the chair for 10 minutes — reason: Escorted to the bathroom by staff (recorded by nurse Test)",
    });
    expect((await reviewQueue([s.site.id], new Date())).deviations.map((d) => d.description)).toContain(
      "Patient left the chair for 10 minutes — reason: Escorted to the bathroom by staff (nurse Test)",
    );
    const pmf = await db().patientMonitoringForm.findUniqueOrThrow({ where: { id: s.pmfId } });
    expect((pmf.fields as { protocolDeviations: string[] }).protocolDeviations).toEqual([
      "Patient left the chair for 10 minutes — reason: Escorted to the bathroom by staff",
    ]);
  });

  it("is refused without a reason (nothing saved) and on a signed session (an amendment instead)", async () => {
    const { deviationSchema } = await import("./schema");
    expect(deviationSchema.safeParse({ description: "Patient left the chair", reason: "" }).success).toBe(false);
    const s = await dischargedSession();
    await db().sessionSignature.create({
      data: { sessionId: s.sessionId, signerId: s.psych.id, printedName: "psych Test", meaning: "REVIEWED", signedAt: new Date(), contentHash: "x" },
    });
    expect((await refusal(recordSessionDeviation(s.psych, s.sessionId, { description: "Late note", reason: "Found on review" }))).code).toBe("SESSION_SIGNED");
    expect(await db().protocolDeviation.count({ where: { sessionId: s.sessionId } })).toBe(0);
  });
});
