// Patient Monitoring Forms for the completed outpatient sessions, with the same field derivation
// the app uses at discharge (lib/pmf/fields.ts). Older than 10 days: submitted online within the
// 7 days; the rest are drafts (Jordan Kim's 9-day-old one is therefore overdue).
import type { Tx } from "../../lib/db/client";
import type { Prisma } from "../../lib/generated/prisma/client";
import { pmfFields } from "../../lib/pmf/fields";
import { loadSessionFacts } from "../../lib/sessions/data";
import type { Clinic } from "./clinic";
import { rngFor } from "./random";
import { newId } from "./rows";
import type { PlannedSession } from "./sessions";
import { addDays, clock, dateOnly, daysBetween, localDate, zonedInstant } from "./time";

export const SUBMITTED_AFTER_DAYS = 10;

export async function planMonitoringForms(tx: Tx, clinic: Clinic, sessions: PlannedSession[], now: Date): Promise<Prisma.PatientMonitoringFormCreateManyInput[]> {
  const r = rngFor("pmf");
  const used = new Set<string>();
  const forms: Prisma.PatientMonitoringFormCreateManyInput[] = [];
  for (const s of sessions.filter((x) => x.end && x.site.settingType === "OUTPATIENT")) {
    const end = s.end!;
    const loaded = await loadSessionFacts(tx, s.id, end);
    const row = await tx.treatmentSession.findUniqueOrThrow({ where: { id: s.id }, include: { patient: true, site: true, monitoringHcp: true, discharge: true, adverseEvents: true } });
    const { facts } = loaded!;
    const fields = pmfFields({
      facts, patient: { ...row.patient, birthDate: row.patient.birthDate.toISOString().slice(0, 10) }, monitoringHcp: row.monitoringHcp, site: row.site, endOfMonitoringAt: end,
      discharge: { readyToLeaveMinutes: row.discharge!.readyToLeaveMinutes, vitalsAcceptablePreAdministration: row.discharge!.vitalsAcceptablePreAdministration, vitalsAcceptablePreCompletion: row.discharge!.vitalsAcceptablePreCompletion },
      adverseEvents: row.adverseEvents,
    });
    const age = daysBetween(s.treatmentDate, localDate(now, s.site.timeZone));
    const base = { id: newId(), sessionId: s.id, formVersion: facts.params.pmfFormVersion, fields, dueDate: dateOnly(addDays(s.treatmentDate, facts.params.pmfDueDays)), ownerId: s.nurseId, createdAt: end };
    if (age <= SUBMITTED_AFTER_DAYS) { forms.push({ ...base, status: "DRAFT" }); continue; }
    let confirmation: string;
    do confirmation = `PMF-${r.int(10000, 99999)}`; while (used.has(confirmation));
    used.add(confirmation);
    const submittedAt = zonedInstant(addDays(s.treatmentDate, r.int(1, 3)), clock("14:00") + r.int(0, 150), s.site.timeZone);
    forms.push({ ...base, status: "SUBMITTED", submittedAt, submittedById: clinic.staff.adam.id, channel: "ONLINE", confirmation });
  }
  return forms;
}
