import "server-only";
import type { Tx } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { canonicalJson } from "@/lib/audit/canonical";
import { loadSessionFacts } from "@/lib/sessions/data";
import { firstDeviceAt, live, type SessionFacts } from "@/lib/sessions/facts";
import { pmfFields, type PmfFields } from "./fields";
import { pmfRequired, pmfSubmittable } from "./rules";
import { pmfFieldsCsv } from "./fields-csv";
import { addDays, dateOnly, siteDay } from "@/lib/time/days";

const CLOSED = ["DISCHARGED", "EMERGENCY_TRANSFER"];

/** R39: the form's fields from the session's own rows as they stand now (patient, HCP, site, discharge attestations, events, deviations). */
export async function derivePmfFields(tx: Tx, sessionId: string, facts: SessionFacts, endOfMonitoringAt: Date): Promise<PmfFields> {
  const s = await tx.treatmentSession.findUniqueOrThrow({
    where: { id: sessionId },
    include: {
      patient: true,
      site: true,
      monitoringHcp: true,
      discharge: true,
      adverseEvents: true,
      deviations: { orderBy: { detectedAt: "asc" }, select: { code: true, description: true, reason: true } },
    },
  });
  return pmfFields({
    facts,
    patient: { ...s.patient, birthDate: dateOnly(s.patient.birthDate) },
    monitoringHcp: s.monitoringHcp,
    site: s.site,
    endOfMonitoringAt,
    discharge: {
      readyToLeaveMinutes: s.discharge?.readyToLeaveMinutes ?? null,
      vitalsAcceptablePreAdministration: s.discharge?.vitalsAcceptablePreAdministration ?? null,
      vitalsAcceptablePreCompletion: s.discharge?.vitalsAcceptablePreCompletion ?? facts.preCompletion?.vitalsAcceptable ?? null,
    },
    adverseEvents: s.adverseEvents,
    deviations: s.deviations,
  });
}

const statusOf = (fields: PmfFields, sessionStatus: string) => (pmfSubmittable(fields as Record<string, unknown>, sessionStatus).ok ? "READY" : "DRAFT");

/** R36: at the end of monitoring, an outpatient session with a device given gets its one form (DRAFT, or READY when complete). */
export async function createDraftPmf(
  tx: Tx,
  actor: NonNullable<AuditActor>,
  sessionId: string,
  facts: SessionFacts,
  endOfMonitoringAt: Date,
  sessionStatus = "DISCHARGED",
) {
  const t0 = firstDeviceAt(facts.devices);
  if (!t0 || !pmfRequired({ settingType: facts.site.settingType, devicesGiven: live(facts.devices).length, pmfRequiredByRems: facts.params.pmfRequired }))
    return null;
  const s = await tx.treatmentSession.findUniqueOrThrow({ where: { id: sessionId }, select: { siteId: true, patientId: true, monitoringHcpId: true } });
  const fields = await derivePmfFields(tx, sessionId, facts, endOfMonitoringAt);
  const treatmentDate = siteDay(t0, facts.site.timeZone);
  const pmf = await tx.patientMonitoringForm.create({
    data: {
      sessionId,
      siteId: s.siteId,
      formVersion: facts.params.pmfFormVersion,
      fields,
      fieldsCsv: pmfFieldsCsv(fields),
      status: statusOf(fields, sessionStatus),
      dueDate: new Date(`${addDays(treatmentDate, facts.params.pmfDueDays)}T00:00:00Z`),
      ownerId: s.monitoringHcpId,
    },
  });
  await appendAudit(tx, {
    actor,
    action: "pmf.create",
    entityType: "PatientMonitoringForm",
    entityId: pmf.id,
    siteId: s.siteId,
    patientId: s.patientId,
    after: { formVersion: pmf.formVersion, dueDate: treatmentDate, status: pmf.status },
  });
  return pmf.id;
}

/**
 * The session's form follows its record until it is submitted: call this in the same transaction as any
 * write to a closed session (adverse event recorded, resolved or reclassified after discharge, amendment,
 * entered-in-error, deviation, correction, late entry). It re-derives the fields and the status (DRAFT or
 * READY) of the form not yet submitted (the original, or an amendment in progress), with the form version
 * and due date of the REMS parameter set in force at the session's date; creates the form if the session
 * needs one and has none. A submitted form is never touched (corrections are amendments, lib/pmf/amend.ts).
 * Does nothing for an open session. Returns the form's id and status, or null.
 */
export async function syncDraftPmf(tx: Tx, actor: AuditActor, sessionId: string): Promise<{ id: string; status: string } | null> {
  const s = await tx.treatmentSession.findUnique({
    where: { id: sessionId },
    select: { status: true, endOfMonitoringAt: true, siteId: true, patientId: true },
  });
  if (!s || !s.endOfMonitoringAt || !CLOSED.includes(s.status)) return null;
  const loaded = await loadSessionFacts(tx, sessionId, s.endOfMonitoringAt);
  if (!loaded) return null;
  const { facts } = loaded;
  const forms = await tx.patientMonitoringForm.findMany({
    where: { sessionId },
    orderBy: { createdAt: "asc" },
    select: { id: true, status: true, fields: true, formVersion: true, dueDate: true, amendsId: true },
  });
  if (!forms.length) {
    if (!actor) return null;
    const id = await createDraftPmf(tx, actor, sessionId, facts, s.endOfMonitoringAt, s.status);
    return id ? { id, status: (await tx.patientMonitoringForm.findUniqueOrThrow({ where: { id }, select: { status: true } })).status } : null;
  }
  const form = forms.filter((f) => f.status !== "SUBMITTED").at(-1);
  if (!form) return null;
  const fields = await derivePmfFields(tx, sessionId, facts, s.endOfMonitoringAt);
  const status = statusOf(fields, s.status);
  const t0 = firstDeviceAt(facts.devices);
  // An amendment keeps its own 7 days (from the day it was made); the original's come from the parameters in force at treatment.
  const formVersion = form.amendsId ? form.formVersion : facts.params.pmfFormVersion;
  const dueDate = form.amendsId || !t0 ? form.dueDate : new Date(`${addDays(siteDay(t0, facts.site.timeZone), facts.params.pmfDueDays)}T00:00:00Z`);
  const same =
    canonicalJson(fields) === canonicalJson(form.fields) &&
    status === form.status &&
    formVersion === form.formVersion &&
    dueDate.getTime() === form.dueDate.getTime();
  if (same) return { id: form.id, status };
  // Only a form still unsubmitted changes: a submission racing this write keeps the form as submitted.
  const { count } = await tx.patientMonitoringForm.updateMany({
    where: { id: form.id, status: { not: "SUBMITTED" } },
    data: { fields, fieldsCsv: pmfFieldsCsv(fields), status, formVersion, dueDate, version: { increment: 1 } },
  });
  if (!count) return null;
  await appendAudit(tx, {
    actor,
    action: "pmf.sync",
    entityType: "PatientMonitoringForm",
    entityId: form.id,
    siteId: s.siteId,
    patientId: s.patientId,
    before: { status: form.status, fields: form.fields },
    after: { status, fields },
  });
  return { id: form.id, status };
}
