// History that the administrator's REMS reports show (REMS.md §6), each consistent with the session
// rules: a serious respiratory-depression event opened by two low SpO2 readings (R27) and not yet
// reported to the REMS (R41); a 40-minute BP taken late and designated with its reason, a deviation (R25);
// a pre-discharge reading without SpO2; and two transfers to other certified settings, one without the
// REMS notice (R42). e2e/rems-reports.spec.ts finds them by MRN.
import type { Clinic } from "./clinic";
import type { PlannedPatient } from "./patients";
import type { Followups } from "./replay";
import { newId, type Rows } from "./rows";
import type { PlannedSession } from "./sessions";
import { addMin, addSec, clock, dateOnly, localDaysAgo, zonedInstant } from "./time";

const sessionOf = (sessions: PlannedSession[], mrn: string, daysAgoIndex: number) => {
  const s = sessions.filter((x) => x.patient.spec.mrn === mrn && x.end)[daysAgoIndex];
  if (!s) throw new Error(`seed/reports: ${mrn} has no completed session #${daysAgoIndex}`);
  return s;
};

/** Plans the report history; returns the adverse events a rule opens from the readings and the late 40-minute designation. */
export function planReportHistory(
  rows: Rows,
  clinic: Clinic,
  patients: PlannedPatient[],
  sessions: PlannedSession[],
  now: Date,
): Pick<Followups, "ruleOpened" | "designations"> {
  const ruleOpened = new Set<string>();
  const designations: Followups["designations"] = [];

  // Gabriel Stone's first session: SpO2 91 % then 89 % (R27 opens the event with the second reading), then the nurse
  // adds stimulation and oxygen and classifies it serious; resolved by 68 minutes.
  const g = sessionOf(sessions, "A-1007", 0);
  for (const [minute, spo2, bp] of [
    [50, 91, [142, 86]],
    [54, 89, [140, 84]],
  ] as const)
    rows.vitals.push({
      id: newId(),
      sessionId: g.id,
      takenAt: addSec(g.t0, minute * 60 + 20),
      kind: "EXTRA",
      systolic: bp[0],
      diastolic: bp[1],
      heartRate: 88,
      spo2,
      respiratoryRate: 9,
      recordedById: g.nurseId,
      recordedAt: addSec(g.t0, minute * 60 + 50),
    });
  const eventId = newId();
  ruleOpened.add(eventId);
  rows.adverseEvents.push({
    id: eventId,
    patientId: g.patient.id,
    siteId: g.site.id,
    sessionId: g.id,
    type: "RESPIRATORY_DEPRESSION",
    serious: true,
    recordedById: g.nurseId,
    description: "SpO₂ 91 % then 89 % at 50–54 minutes with shallow breathing (respiratory rate 9); rousable to voice.",
    onsetAt: addSec(g.t0, 54 * 60 + 20),
    spo2Nadir: 89,
    interventions: ["Verbal and tactile stimulation", "Supplemental oxygen 2 L/min by nasal cannula"],
    resolvedAt: addMin(g.t0, 68),
    outcome: "Resolved: SpO₂ 96 % on room air at 68 minutes; monitored to discharge",
    createdAt: addSec(g.t0, 55 * 60),
  });

  // Jordan Kim's third session: the 40-minute reading taken at 53 minutes (outside 30–50), entered as an extra reading;
  // the nurse then designates it as the 40-minute BP with the reason, which records the deviation (R25).
  const j = sessionOf(sessions, "A-1010", 2);
  const forty = rows.vitals.find((v) => v.sessionId === j.id && v.kind === "POST_40")!;
  forty.kind = "EXTRA";
  forty.takenAt = addSec(j.t0, 53 * 60 + 20);
  forty.recordedAt = addSec(j.t0, 53 * 60 + 50);
  designations.push({
    sessionId: j.id,
    vitalId: forty.id!,
    at: addSec(j.t0, 54 * 60 + 30),
    byId: j.nurseId,
    reason: "Patient was in the restroom at 40 minutes; BP taken on return",
  });

  // Indira Patel's first session: the pre-discharge reading without SpO2 (the oximeter was on another chair).
  const i = sessionOf(sessions, "A-1009", 0);
  rows.vitals.find((v) => v.sessionId === i.id && v.kind === "PRE_COMPLETION")!.spo2 = null;

  // R42: two patients moved to other certified settings before starting treatment here.
  const byMrn = (mrn: string) => patients.find((p) => p.spec.mrn === mrn)!;
  const tz = clinic.outA.timeZone;
  const nadia = byMrn("A-1013");
  rows.transfers.push({
    id: newId(),
    patientId: nadia.id,
    fromSiteId: clinic.outA.id,
    toSettingName: "Albany Behavioral Health (certified outpatient setting)",
    transferDate: dateOnly(localDaysAgo(now, tz, 30)),
    remsNotifiedAt: zonedInstant(localDaysAgo(now, tz, 32), clock("10:15"), tz),
    createdAt: zonedInstant(localDaysAgo(now, tz, 32), clock("10:20"), tz),
  });
  const marcus = byMrn("A-1012");
  rows.transfers.push({
    id: newId(),
    patientId: marcus.id,
    fromSiteId: clinic.outA.id,
    toSettingName: "Kingston Psychiatric Associates (certified outpatient setting)",
    transferDate: dateOnly(localDaysAgo(now, tz, 5)),
    remsNotifiedAt: null,
    createdAt: zonedInstant(localDaysAgo(now, tz, 6), clock("15:00"), tz),
  });
  return { ruleOpened, designations };
}
