// A session run through the real chair-side commands from check-in to discharge, for data tests of
// the reports: every row (devices, vitals, PMF, deviations, audit) is what the app itself writes.
import { atTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { checkIn, decideGate, discharge, recordDevice, recordDissociation, recordSedation, recordVital, saveChecklist, setDose } from "@/lib/sessions/commands";
import { checklistSchema, vitalsSchema } from "@/lib/sessions/schema";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";

export type DischargedOpts = {
  /** Minutes after T0 of the one post-dose reading before the pre-discharge one (R25: 30–50 is in the window). */
  readingAtMinute?: number;
  /** SpO2 of the pre-discharge reading; null leaves it out. */
  preCompletionSpo2?: number | null;
  /** A pre-dose BP above 140/90 and the prescriber's R14 decision to proceed. */
  elevatedPreDose?: boolean;
  readyToLeaveMinutes?: number;
  /** Food 60 minutes before the first device: the R12 SOFT warning, acknowledged by the nurse at each device. */
  lateFood?: boolean;
  /** First device this many minutes before now (monitoring lasts until now). */
  t0MinutesAgo?: number;
};

export async function dischargedSession(o: DischargedOpts = {}, c?: Awaited<ReturnType<typeof clinicFixture>>) {
  c ??= await clinicFixture();
  const t0Ago = o.t0MinutesAgo ?? 125;
  const ago = (m: number) => new Date(Date.now() - m * 60_000);
  await db().user.update({ where: { id: c.nurse.id }, data: { telephone: "518-555-0100" } });
  // entered after the fact: checked in before the first entry (R49), threshold wide enough that no entry is late
  await db().site.update({ where: { id: c.site.id }, data: { lateEntryMinutes: 24 * 60 } });
  const { result } = await atTime(ago(t0Ago + 15), () =>
    checkIn(c.nurse, { patientId: c.patient.id, chairId: c.chair.id, prescriberOnSiteId: c.psych.id, monitoringHcpId: c.nurse.id, indication: "TRD" }),
  );
  const s = result.id;
  await saveChecklist(
    c.nurse,
    s,
    checklistSchema.parse({
      version: 0,
      rideType: "DRIVER",
      driverName: "Jo",
      driverPhone: "518-555-0100",
      lastFoodAt: ago(t0Ago + (o.lateFood ? 60 : 300)).toISOString(),
      lastLiquidAt: ago(t0Ago + 200).toISOString(),
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
  const pre = o.elevatedPreDose ? { systolic: 150, diastolic: 94 } : { systolic: 128, diastolic: 80 };
  await recordVital(c.nurse, s, vitalsSchema.parse({ kind: "PRE_DOSE", takenAt: ago(t0Ago + 10).toISOString(), ...pre, heartRate: 76, spo2: 98 }));
  if (o.elevatedPreDose) await decideGate(c.psych, s, { rule: "R14", decision: "PROCEED", reason: "Asymptomatic, usual range for this patient" });
  const { version } = await db().treatmentSession.findUniqueOrThrow({ where: { id: s } });
  await setDose(c.nurse, s, { version, doseOption: "56", otherDoseMg: undefined, otherDoseReason: "" });
  const acknowledgedWarnings = o.lateFood ? ["R12_FOOD"] : [];
  await recordDevice(c.nurse, s, { deviceId: c.devices[0].id, administeredAt: ago(t0Ago), acknowledgedWarnings });
  await recordDevice(c.nurse, s, { deviceId: c.devices[1].id, administeredAt: ago(t0Ago - 5), acknowledgedWarnings });
  const at = t0Ago - (o.readingAtMinute ?? 40);
  await recordVital(c.nurse, s, vitalsSchema.parse({ kind: "POST_40", takenAt: ago(at).toISOString(), systolic: 150, diastolic: 90, spo2: 97 }));
  await recordSedation(c.nurse, s, { takenAt: ago(at), moaas: 5 });
  await recordDissociation(c.nurse, s, { takenAt: ago(at), present: false, scale: "NONE", itemScores: [] });
  const spo2 = o.preCompletionSpo2 === undefined ? 98 : o.preCompletionSpo2;
  await recordVital(c.nurse, s, vitalsSchema.parse({ takenAt: ago(4).toISOString(), systolic: 130, diastolic: 82, ...(spo2 == null ? {} : { spo2 }) }));
  await recordSedation(c.nurse, s, { takenAt: ago(3), moaas: 5 });
  await recordDissociation(c.nurse, s, { takenAt: ago(3), present: false, scale: "NONE", itemScores: [] });
  const done = await discharge(c.nurse, s, {
    rideConfirmed: true,
    clinicallyStable: true,
    noDrivingReminder: true,
    vitalsAcceptablePreAdministration: true,
    vitalsAcceptablePreCompletion: true,
    readyToLeaveMinutes: o.readyToLeaveMinutes ?? 95,
  });
  return { ...c, sessionId: s, pmfId: done.pmfId!, totalMinutes: done.totalMinutes };
}
