// Steps of a chair-side session for data tests: the real commands, in the real database.
import { db } from "@/lib/db/client";
import { atTime } from "@/lib/clock";
import { checkIn, recordVital, saveChecklist, setDose } from "../commands";
import { checklistSchema, vitalsSchema } from "../schema";
import { clinicFixture } from "./db-fixture";

export const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
export const key = () => `k${Math.random().toString(36).slice(2)}${Date.now()}`;
const vital = (v: Record<string, unknown>) => vitalsSchema.parse(v);

/** A checked-in session with a completed checklist, a normal pre-dose reading and 56 mg chosen. */
export async function readyToDose(opts: Parameters<typeof clinicFixture>[0] = {}, preDoseMinutesAgo = 140, lateEntryMinutes = 24 * 60) {
  const c = await clinicFixture(opts);
  // These scenarios enter a whole session after the fact: checked in before its first entry (R49), with a
  // late-entry threshold wide enough not to ask for reasons (lateness itself: clinical-time.test.ts).
  await db().site.update({ where: { id: c.site.id }, data: { lateEntryMinutes } });
  const { result } = await atTime(minutesAgo(preDoseMinutesAgo + 5), () =>
    checkIn(c.nurse, { patientId: c.patient.id, chairId: c.chair.id, prescriberOnSiteId: c.psych.id, monitoringHcpId: c.nurse.id, indication: "TRD" }),
  );
  const sessionId = result.id;
  await saveChecklist(
    c.nurse,
    sessionId,
    checklistSchema.parse({
      version: 0,
      rideType: "DRIVER",
      driverName: "Jo",
      driverPhone: "518-555-0100",
      lastFoodAt: minutesAgo(400).toISOString(),
      lastLiquidAt: minutesAgo(300).toISOString(),
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
    sessionId,
    vital({ kind: "PRE_DOSE", takenAt: minutesAgo(preDoseMinutesAgo).toISOString(), systolic: 128, diastolic: 80, heartRate: 76, spo2: 98 }),
  );
  const { version } = await db().treatmentSession.findUniqueOrThrow({ where: { id: sessionId } });
  await setDose(c.nurse, sessionId, { version, doseOption: "56", otherDoseMg: undefined, otherDoseReason: "" });
  return { ...c, sessionId };
}
