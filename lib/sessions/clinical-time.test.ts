// R49 on the real database: clinical times are bounded by the server-stamped check-in and the server clock,
// late entries carry a reason and a deviation row, and no sequence shortens the two hours of R30.
import { describe, expect, it } from "vitest";
import { atTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { refusal } from "@/lib/http/testing/refusal";
import {
  checkIn,
  discharge,
  markEnteredInError,
  recordAdverseEvent,
  recordDevice,
  recordDissociation,
  recordSedation,
  recordVital,
  resolveAdverseEvent,
  saveChecklist,
  setDose,
} from "./commands";
import { checklistSchema, vitalsSchema } from "./schema";
import { clinicFixture } from "./testing/db-fixture";

const min = 60_000;
const T = new Date("2026-06-01T16:11:00Z"); // check-in, stamped by the server
const at = (m: number) => new Date(T.getTime() + m * min);
const attest = {
  rideConfirmed: true,
  clinicallyStable: true,
  noDrivingReminder: true,
  vitalsAcceptablePreAdministration: true,
  vitalsAcceptablePreCompletion: true,
  readyToLeaveMinutes: 95,
};

/** A session checked in at T (server clock) with checklist, pre-dose vital at T and dose chosen, at T+2. */
async function checkedInAtT() {
  const c = await clinicFixture({});
  const { result } = await atTime(T, () =>
    checkIn(c.nurse, { patientId: c.patient.id, chairId: c.chair.id, prescriberOnSiteId: c.psych.id, monitoringHcpId: c.nurse.id, indication: "TRD" }),
  );
  const s = result.id;
  await atTime(at(2), async () => {
    await saveChecklist(
      c.nurse,
      s,
      checklistSchema.parse({
        version: 0,
        rideType: "DRIVER",
        driverName: "Jo",
        driverPhone: "518-555-0100",
        lastFoodAt: at(-400).toISOString(),
        lastLiquidAt: at(-300).toISOString(),
        conmedBenzodiazepines: false,
        conmedSedativeHypnotics: false,
        conmedPsychostimulants: false,
        conmedMaois: false,
        conmedOpioids: false,
        conmedConfirmed: true,
        pregnancyStatus: "NOT_APPLICABLE",
        enrollmentVerified: true,
      }),
    );
    await recordVital(c.nurse, s, vitalsSchema.parse({ kind: "PRE_DOSE", takenAt: T.toISOString(), systolic: 128, diastolic: 80, heartRate: 76, spo2: 98 }));
    const { version } = await db().treatmentSession.findUniqueOrThrow({ where: { id: s } });
    await setDose(c.nurse, s, { version, doseOption: "56", otherDoseMg: undefined, otherDoseReason: "" });
  });
  return { ...c, s };
}
const device = (c: Awaited<ReturnType<typeof checkedInAtT>>, i: number, administeredAt?: Date, lateReason?: string) =>
  recordDevice(c.nurse, c.s, { deviceId: c.devices[i].id, administeredAt, lateReason, acknowledgedWarnings: [] });

describe("R49 bounded clinical time on the real database", () => {
  it("stamps check-in by the server clock", async () => {
    const c = await checkedInAtT();
    expect((await db().treatmentSession.findUniqueOrThrow({ where: { id: c.s } })).checkedInAt).toEqual(T);
  });

  it("refuses a first device before check-in, in the future, or late without a reason; nothing saved", async () => {
    const c = await checkedInAtT();
    const before = await refusal(atTime(at(5), () => device(c, 0, at(-119))));
    expect(before.status).toBe(422);
    expect(before.fieldErrors).toHaveProperty("administeredAt");
    expect((await refusal(atTime(at(5), () => device(c, 0, new Date(T.getTime() - 1), "paper")))).fieldErrors).toHaveProperty("administeredAt");
    expect((await refusal(atTime(at(5), () => device(c, 0, at(6))))).fieldErrors).toHaveProperty("administeredAt");
    const late = await refusal(atTime(at(30), () => device(c, 0, at(3))));
    expect(late.status).toBe(422);
    expect(late.fieldErrors).toHaveProperty("lateReason");
    expect(await db().deviceAdministration.count({ where: { sessionId: c.s } })).toBe(0);
  });

  it("stores a late device with its reason, entry time and an R49_LATE_ENTRY deviation row", async () => {
    const c = await checkedInAtT();
    const row = await atTime(at(30), () => device(c, 0, at(1), "Tablet offline, from the paper chart"));
    const saved = await db().deviceAdministration.findUniqueOrThrow({ where: { id: row.result.id } });
    expect(saved).toMatchObject({ administeredAt: at(1), recordedAt: at(30), lateEntryReason: "Tablet offline, from the paper chart" });
    const dev = await db().protocolDeviation.findMany({ where: { sessionId: c.s, code: "R49_LATE_ENTRY" } });
    expect(dev).toHaveLength(1);
    expect(dev[0]).toMatchObject({ entityType: "DeviceAdministration", entityId: row.result.id, reason: "Tablet offline, from the paper chart" });
    // exactly at the threshold is not late
    const onTime = await atTime(at(40), () => device(c, 1, at(30)));
    expect((await db().deviceAdministration.findUniqueOrThrow({ where: { id: onTime.result.id } })).lateEntryReason).toBeNull();
    expect(await db().protocolDeviation.count({ where: { sessionId: c.s, code: "R49_LATE_ENTRY" } })).toBe(1);
  });

  it("no sequence makes discharge succeed less than 120 minutes after a device time not before check-in", async () => {
    const c = await checkedInAtT();
    // the tester's attack: a first device backdated two hours before check-in
    await refusal(atTime(at(1), () => device(c, 0, at(-119))));
    // enter the earliest possible device (at check-in, late with reason), mark it in error, re-enter another
    const first = await atTime(at(20), () => device(c, 0, at(1), "paper"));
    await atTime(at(21), () => markEnteredInError(c.nurse, c.s, "device", first.result.id, "wrong device scanned"));
    await refusal(atTime(at(22), () => device(c, 1, at(-1), "paper")));
    await atTime(at(22), () => device(c, 1, at(1), "paper")); // the earliest a device can be: check-in, then the pre-dose reading
    await atTime(at(23), () => device(c, 2, at(23)));
    for (const m of [23, 30, 60, 90, 110, 119, 120.99]) {
      const r = await refusal(atTime(at(m), () => discharge(c.nurse, c.s, attest)));
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect((await db().treatmentSession.findUniqueOrThrow({ where: { id: c.s } })).status).not.toBe("DISCHARGED");
    }
    await atTime(at(41), () => recordVital(c.nurse, c.s, vitalsSchema.parse({ takenAt: at(41).toISOString(), systolic: 130, diastolic: 82, spo2: 98 })));
    await atTime(at(115), async () => {
      await recordVital(c.nurse, c.s, vitalsSchema.parse({ takenAt: at(115).toISOString(), systolic: 128, diastolic: 80, spo2: 98 }));
      await recordSedation(c.nurse, c.s, { takenAt: at(115), moaas: 5 });
      await recordDissociation(c.nurse, c.s, { takenAt: at(115), present: false, scale: "NONE", itemScores: [] });
    });
    expect((await refusal(atTime(at(120.99), () => discharge(c.nurse, c.s, attest)))).message).toContain("120 minutes");
    const done = await atTime(at(121), () => discharge(c.nurse, c.s, attest));
    expect(done.totalMinutes).toBeGreaterThanOrEqual(120);
    const session = await db().treatmentSession.findUniqueOrThrow({ where: { id: c.s }, include: { devices: true } });
    const t0 = Math.min(...session.devices.filter((d) => !d.enteredInErrorAt).map((d) => d.administeredAt.getTime()));
    expect(t0).toBeGreaterThanOrEqual(T.getTime());
    expect(session.endOfMonitoringAt!.getTime() - t0).toBeGreaterThanOrEqual(120 * min);
  });

  it("refuses vitals dated 1900 and an adverse event resolved before its onset", async () => {
    const c = await checkedInAtT();
    const v = await refusal(
      atTime(at(5), () => recordVital(c.nurse, c.s, vitalsSchema.parse({ takenAt: "1900-01-01T10:00:00Z", systolic: 130, diastolic: 80, lateReason: "old" }))),
    );
    expect(v.status).toBe(422);
    expect(v.fieldErrors).toHaveProperty("takenAt");
    // the form's schema refuses this too; the server must refuse it on its own
    const ae = (t: { onsetAt: Date; resolvedAt?: Date }) => ({
      type: "OTHER" as const,
      description: "Nausea",
      serious: false,
      interventions: [],
      outcome: undefined,
      spo2Nadir: undefined,
      lateReason: undefined,
      ...t,
    });
    const r = await refusal(atTime(at(10), () => recordAdverseEvent(c.nurse, c.s, ae({ onsetAt: at(8), resolvedAt: at(7) }))));
    expect(r.fieldErrors).toHaveProperty("resolvedAt");
    const open = await atTime(at(10), () => recordAdverseEvent(c.nurse, c.s, ae({ onsetAt: at(8) })));
    const id = open.result.id;
    expect((await refusal(atTime(at(12), () => resolveAdverseEvent(c.nurse, c.s, id, at(7), "Settled")))).fieldErrors).toHaveProperty("resolvedAt");
    await atTime(at(12), () => resolveAdverseEvent(c.nurse, c.s, id, at(8), "Settled"));
  });
});

describe("R49 downtime back-entry on the real database", () => {
  const now = at(3 * 24 * 60); // documented three days later from the paper chart
  const reason = "Network down all afternoon: from the paper chart";
  async function backEntered() {
    const c = await clinicFixture({});
    const { result } = await atTime(now, () =>
      checkIn(c.nurse, {
        patientId: c.patient.id,
        chairId: c.chair.id,
        prescriberOnSiteId: c.psych.id,
        monitoringHcpId: c.nurse.id,
        indication: "TRD",
        backEntry: true,
        checkedInAt: T,
        backEntryReason: reason,
      }),
    );
    const s = result.id;
    await atTime(now, async () => {
      await saveChecklist(
        c.nurse,
        s,
        checklistSchema.parse({
          version: 0,
          rideType: "DRIVER",
          driverName: "Jo",
          driverPhone: "518-555-0100",
          lastFoodAt: at(-400).toISOString(),
          lastLiquidAt: at(-300).toISOString(),
          conmedBenzodiazepines: false,
          conmedSedativeHypnotics: false,
          conmedPsychostimulants: false,
          conmedMaois: false,
          conmedOpioids: false,
          conmedConfirmed: true,
          pregnancyStatus: "NOT_APPLICABLE",
          enrollmentVerified: true,
        }),
      );
      await recordVital(
        c.nurse,
        s,
        vitalsSchema.parse({ kind: "PRE_DOSE", takenAt: at(2).toISOString(), systolic: 128, diastolic: 80, heartRate: 76, spo2: 98 }),
      );
      const { version } = await db().treatmentSession.findUniqueOrThrow({ where: { id: s } });
      await setDose(c.nurse, s, { version, doseOption: "56", otherDoseMg: undefined, otherDoseReason: "" });
    });
    return { ...c, s };
  }

  it("keeps the real past check-in, the reason as a deviation row, asks no late reasons, and does not hold the chair", async () => {
    const c = await backEntered();
    const row = await db().treatmentSession.findUniqueOrThrow({ where: { id: c.s } });
    expect(row).toMatchObject({ checkedInAt: T, backEntryReason: reason, treatmentDate: new Date("2026-06-01T00:00:00Z") });
    expect(await db().protocolDeviation.findMany({ where: { sessionId: c.s }, select: { code: true, reason: true } })).toEqual([
      { code: "R49_BACK_ENTRY", reason },
    ]);
    expect(await db().observationVital.findFirstOrThrow({ where: { sessionId: c.s } })).toMatchObject({ takenAt: at(2), lateEntryReason: null });
    // today's patient can sit in that chair while yesterday's downtime is documented
    const other = await db().patient.create({
      data: { siteId: c.site.id, mrn: `BE-${Date.now()}`, firstName: "Ola", lastName: "Today", birthDate: new Date("1980-01-01"), sex: "FEMALE" },
    });
    const live = await atTime(now, () =>
      checkIn(c.nurse, { patientId: other.id, chairId: c.chair.id, prescriberOnSiteId: c.psych.id, monitoringHcpId: c.nurse.id, indication: "TRD" }),
    );
    expect(live.result.id).toBeTruthy();
    // still one dosing session per patient per day (R23), on the day it happened
    const again = await refusal(
      atTime(now, () =>
        checkIn(c.nurse, {
          patientId: c.patient.id,
          chairId: c.chair2.id,
          prescriberOnSiteId: c.psych.id,
          monitoringHcpId: c.nurse.id,
          indication: "TRD",
          backEntry: true,
          checkedInAt: at(60),
          backEntryReason: reason,
        }),
      ),
    );
    expect(again.status).toBe(409);
  });

  it("refuses a back-entered check-in in the future or older than 30 days, and entries before it", async () => {
    const c = await clinicFixture({});
    const input = (checkedInAt: Date) => ({
      patientId: c.patient.id,
      chairId: c.chair.id,
      prescriberOnSiteId: c.psych.id,
      monitoringHcpId: c.nurse.id,
      indication: "TRD" as const,
      backEntry: true,
      checkedInAt,
      backEntryReason: reason,
    });
    expect((await refusal(atTime(now, () => checkIn(c.nurse, input(new Date(now.getTime() + min)))))).fieldErrors).toHaveProperty("checkedInAt");
    expect((await refusal(atTime(now, () => checkIn(c.nurse, input(new Date(now.getTime() - 31 * 86_400_000)))))).fieldErrors).toHaveProperty("checkedInAt");
    expect(await db().treatmentSession.count({ where: { patientId: c.patient.id } })).toBe(0);
    const b = await backEntered();
    expect(
      (await refusal(atTime(now, () => recordVital(b.nurse, b.s, vitalsSchema.parse({ takenAt: at(-1).toISOString(), systolic: 130, diastolic: 80 })))))
        .fieldErrors,
    ).toHaveProperty("takenAt");
  });

  it("no sequence discharges a back-entered session less than 120 minutes after its first device", async () => {
    const c = await backEntered();
    await atTime(now, async () => {
      await device(c, 0, at(5));
      await device(c, 1, at(10));
      await recordVital(c.nurse, c.s, vitalsSchema.parse({ takenAt: at(45).toISOString(), systolic: 130, diastolic: 82, spo2: 98 }));
      await recordVital(c.nurse, c.s, vitalsSchema.parse({ takenAt: at(120).toISOString(), systolic: 128, diastolic: 80, spo2: 98 }));
      await recordSedation(c.nurse, c.s, { takenAt: at(120), moaas: 5 });
      await recordDissociation(c.nurse, c.s, { takenAt: at(120), present: false, scale: "NONE", itemScores: [] });
    });
    const missing = await refusal(atTime(now, () => discharge(c.nurse, c.s, { ...attest, dischargedAt: undefined })));
    expect(missing.fieldErrors).toHaveProperty("dischargedAt");
    // before the last reading, too early for R30, in the future: all refused, nothing changes
    expect((await refusal(atTime(now, () => discharge(c.nurse, c.s, { ...attest, dischargedAt: at(100) })))).fieldErrors).toHaveProperty("dischargedAt");
    expect((await refusal(atTime(now, () => discharge(c.nurse, c.s, { ...attest, dischargedAt: at(124.99) })))).message).toContain("120 minutes");
    expect((await refusal(atTime(now, () => discharge(c.nurse, c.s, { ...attest, dischargedAt: new Date(now.getTime() + min) })))).fieldErrors).toHaveProperty(
      "dischargedAt",
    );
    expect((await db().treatmentSession.findUniqueOrThrow({ where: { id: c.s } })).status).not.toBe("DISCHARGED");
    const done = await atTime(now, () => discharge(c.nurse, c.s, { ...attest, dischargedAt: at(126) }));
    expect(done.totalMinutes).toBe(121);
    expect(await db().treatmentSession.findUniqueOrThrow({ where: { id: c.s } })).toMatchObject({ status: "DISCHARGED", endOfMonitoringAt: at(126) });
    expect((await db().dischargeDecision.findUniqueOrThrow({ where: { sessionId: c.s } })).decidedAt).toEqual(at(126));
  });
});
