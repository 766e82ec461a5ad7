import "server-only";
import type { Tx } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { firstDeviceAt, live, type SessionFacts } from "@/lib/sessions/facts";
import { addDays, localDate } from "@/lib/sessions/local-time";
import { pmfFields, type PmfFields } from "./fields";
import { pmfRequired } from "./rules";

/** R39: the form's fields from the session's own rows as they stand now (patient, HCP, site, discharge attestations, events). */
export async function derivePmfFields(tx: Tx, sessionId: string, facts: SessionFacts, endOfMonitoringAt: Date): Promise<PmfFields> {
  const s = await tx.treatmentSession.findUniqueOrThrow({
    where: { id: sessionId },
    include: { patient: true, site: true, monitoringHcp: true, discharge: true, adverseEvents: true },
  });
  return pmfFields({
    facts,
    patient: { ...s.patient, birthDate: s.patient.birthDate.toISOString().slice(0, 10) },
    monitoringHcp: s.monitoringHcp,
    site: s.site,
    endOfMonitoringAt,
    discharge: {
      readyToLeaveMinutes: s.discharge?.readyToLeaveMinutes ?? null,
      vitalsAcceptablePreAdministration: s.discharge?.vitalsAcceptablePreAdministration ?? null,
      vitalsAcceptablePreCompletion: s.discharge?.vitalsAcceptablePreCompletion ?? null,
    },
    adverseEvents: s.adverseEvents,
  });
}

/** R36: at the end of monitoring, an outpatient session with a device given gets its one draft PMF. */
export async function createDraftPmf(tx: Tx, actor: NonNullable<AuditActor>, sessionId: string, facts: SessionFacts, endOfMonitoringAt: Date) {
  const t0 = firstDeviceAt(facts.devices);
  if (!t0 || !pmfRequired({ settingType: facts.site.settingType, devicesGiven: live(facts.devices).length, pmfRequiredByRems: facts.params.pmfRequired })) return null;
  const s = await tx.treatmentSession.findUniqueOrThrow({ where: { id: sessionId }, select: { siteId: true, patientId: true, monitoringHcpId: true } });
  const fields = await derivePmfFields(tx, sessionId, facts, endOfMonitoringAt);
  const treatmentDate = localDate(t0, facts.site.timeZone);
  const pmf = await tx.patientMonitoringForm.create({
    data: { sessionId, formVersion: facts.params.pmfFormVersion, fields, status: "DRAFT", dueDate: new Date(`${addDays(treatmentDate, facts.params.pmfDueDays)}T00:00:00Z`), ownerId: s.monitoringHcpId },
  });
  await appendAudit(tx, { actor, action: "pmf.create", entityType: "PatientMonitoringForm", entityId: pmf.id, siteId: s.siteId, patientId: s.patientId, after: { formVersion: pmf.formVersion, dueDate: treatmentDate } });
  return pmf.id;
}
