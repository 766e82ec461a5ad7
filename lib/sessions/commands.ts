import "server-only";
// Chair-side writes. Each one: one transaction that locks the session, re-reads the facts, asks the
// same rule functions the screens use, writes, and appends the audit row. The caller (a route
// handler) has already authorized the user for the session's site.
import { db, transaction, type Tx } from "@/lib/db/client";
import { onceByKey } from "@/lib/db/idempotency";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { conflictError, HttpError, notFoundError, ruleUnmet, warningsNotAcknowledged } from "@/lib/http/errors";
import type { z } from "zod";
import { deviceReadiness, allDevicesGiven } from "./device-rules";
import { dischargeReadiness } from "./discharge-rules";
import { firstDeviceAt } from "./facts";
import { lockSession, loadObservationFacts, loadSessionFacts } from "./data";
import { localDate } from "./local-time";
import { bpAlert, fortyMinuteReading, sedationAlert, spo2Alert, type Alert } from "./observation-rules";
import { siteMayTreat } from "./eligibility-rules";
import { remsParametersAt } from "@/lib/rems/data";
import { createDraftPmf } from "@/lib/pmf/data";
import { wholeMinutes } from "@/lib/rems/rule-result";
import {
  CRISIS_SYMPTOMS, type crisisSchema, doseMgOf, type adverseEventSchema, type checkInSchema, type checklistSchema, type deviceSchema, type dischargeSchema,
  type dissociationSchema, type doseSchema, type gateDecisionSchema, type sedationSchema, type transferSchema, type vitalsSchema,
} from "./schema";

type Actor = NonNullable<AuditActor>;
const OPEN_STATUSES = ["CHECKED_IN", "DOSING", "MONITORING"] as const;
const closed = (status: string) => !(OPEN_STATUSES as readonly string[]).includes(status);
const sessionClosed = () => new HttpError(409, "SESSION_CLOSED", "This session is closed: it can no longer be changed here.");

async function facts(tx: Tx, sessionId: string, now: Date, lock: { afterSigning?: boolean } = {}) {
  await lockSession(tx, sessionId, lock);
  const f = await loadSessionFacts(tx, sessionId, now);
  if (!f) throw notFoundError("Session");
  return f;
}

/** Locks an open session and reads its facts at server time `now`; a closed session cannot change. */
async function openSession(tx: Tx, sessionId: string) {
  const now = new Date();
  const loaded = await facts(tx, sessionId, now);
  if (closed(loaded.facts.status)) throw sessionClosed();
  return { now, ...loaded, f: loaded.facts };
}

/** Like openSession, reading only what an observation entry needs (vitals, MOAA/S, dissociation). */
async function openForObservation(tx: Tx, sessionId: string) {
  const now = new Date();
  await lockSession(tx, sessionId);
  const loaded = await loadObservationFacts(tx, sessionId, now);
  if (!loaded) throw notFoundError("Session");
  if (closed(loaded.facts.status)) throw sessionClosed();
  return { now, ...loaded, f: loaded.facts };
}

/** A clinical time from the form, or now by the server's clock; never in the future. */
function clinicalTime(at: Date | undefined, now: Date, field = "takenAt"): Date {
  const t = at ?? now;
  if (t.getTime() > now.getTime()) throw new HttpError(422, "INVALID_INPUT", "This time is in the future.", { [field]: ["This time is in the future"] });
  return t;
}

/** The site of a session (for authorization before anything is read). */
export async function sessionSite(sessionId: string): Promise<string | null> {
  return (await db().treatmentSession.findUnique({ where: { id: sessionId }, select: { siteId: true } }))?.siteId ?? null;
}

export async function checkIn(actor: Actor, input: z.output<typeof checkInSchema>, key: string | null) {
  const now = new Date();
  return onceByKey(key, (k) => db().treatmentSession.findUnique({ where: { idempotencyKey: k }, select: { id: true } }), () =>
    transaction(async (tx) => {
      const patient = await tx.patient.findUnique({ where: { id: input.patientId }, include: { site: true } });
      if (!patient) throw notFoundError("Patient");
      const site = patient.site;
      const [chair, prescriber, nurse] = await Promise.all([
        tx.chair.findFirst({ where: { id: input.chairId, siteId: site.id, active: true } }),
        tx.user.findFirst({ where: { id: input.prescriberOnSiteId, role: "PSYCHIATRIST", disabledAt: null, sites: { some: { siteId: site.id } } } }),
        tx.user.findFirst({ where: { id: input.monitoringHcpId, role: { in: ["NURSE", "PSYCHIATRIST"] }, disabledAt: null, sites: { some: { siteId: site.id } } } }),
      ]);
      const fieldErrors: Record<string, string[]> = {};
      if (!chair) fieldErrors.chairId = ["Choose a chair at this site"];
      if (!prescriber) fieldErrors.prescriberOnSiteId = ["Choose a prescriber who works at this site"];
      if (!nurse) fieldErrors.monitoringHcpId = ["Choose a nurse who works at this site"];
      if (Object.keys(fieldErrors).length) throw new HttpError(422, "INVALID_INPUT", "Please correct the highlighted fields.", fieldErrors);
      const siteFindings = siteMayTreat({ ...site }, await remsParametersAt(now, tx)).filter((f) => f.strength === "HARD");
      if (siteFindings.length) throw ruleUnmet(siteFindings);
      const treatmentDate = localDate(now, site.timeZone);
      const busyChair = await tx.treatmentSession.findFirst({ where: { chairId: input.chairId, status: { in: [...OPEN_STATUSES] } } });
      if (busyChair) throw new HttpError(409, "CHAIR_BUSY", "That chair already has an active session.", { chairId: ["That chair already has an active session"] });
      const today = await tx.treatmentSession.findFirst({ where: { patientId: patient.id, treatmentDate: new Date(`${treatmentDate}T00:00:00Z`), status: { notIn: ["CANCELLED", "RESCHEDULED"] } } });
      if (today) throw ruleUnmet([{ code: "R23_SECOND_TODAY", message: "This patient already has a session today: only one dosing session a calendar day." }]);
      const s = await tx.treatmentSession.create({
        data: { patientId: patient.id, siteId: site.id, chairId: input.chairId, prescriberOnSiteId: input.prescriberOnSiteId, monitoringHcpId: input.monitoringHcpId,
          indication: input.indication, status: "CHECKED_IN", checkedInAt: now, treatmentDate: new Date(`${treatmentDate}T00:00:00Z`), idempotencyKey: key },
        select: { id: true },
      });
      await appendAudit(tx, { actor, action: "session.check_in", entityType: "TreatmentSession", entityId: s.id, siteId: site.id, patientId: patient.id, after: { ...input, treatmentDate } });
      return s;
    }),
  );
}

export async function saveChecklist(actor: Actor, sessionId: string, input: z.output<typeof checklistSchema>) {
  return transaction(async (tx) => {
    const { now, siteId, patientId, f } = await openSession(tx, sessionId);
    if (firstDeviceAt(f.devices)) throw new HttpError(409, "ALREADY_DOSED", "Dosing has started: the pre-dose checklist is closed.");
    const existing = await tx.preDoseChecklist.findUnique({ where: { sessionId } });
    const data = {
      rideType: input.rideType, driverName: input.driverName || null, driverPhone: input.driverPhone || null, lastFoodAt: input.lastFoodAt,
      lastLiquidAt: input.lastLiquidAt, nasalMedicationAt: input.nasalMedicationAt ?? null, conmedBenzodiazepines: input.conmedBenzodiazepines,
      conmedSedativeHypnotics: input.conmedSedativeHypnotics, conmedPsychostimulants: input.conmedPsychostimulants, conmedMaois: input.conmedMaois,
      conmedOpioids: input.conmedOpioids, conmedConfirmedAt: now, pregnancyStatus: input.pregnancyStatus,
      enrollmentVerifiedAt: input.enrollmentVerified ? now : null, completedById: actor.id,
    };
    let saved;
    if (!existing) {
      if (input.version !== 0) throw conflictError("checklist");
      saved = await tx.preDoseChecklist.create({ data: { sessionId, ...data } });
    } else {
      const { count } = await tx.preDoseChecklist.updateMany({ where: { sessionId, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (!count) throw conflictError("checklist");
      saved = await tx.preDoseChecklist.findUniqueOrThrow({ where: { sessionId } });
    }
    if (input.rideType === "NONE") await tx.treatmentSession.update({ where: { id: sessionId }, data: { status: "RESCHEDULED", cancelledReason: "No ride home (R11)", version: { increment: 1 } } });
    await appendAudit(tx, { actor, action: existing ? "checklist.update" : "checklist.create", entityType: "PreDoseChecklist", entityId: saved.id, siteId, patientId, before: existing, after: saved });
    return { version: saved.version, rescheduled: input.rideType === "NONE" };
  });
}

export async function setDose(actor: Actor, sessionId: string, input: z.output<typeof doseSchema>) {
  return transaction(async (tx) => {
    const { siteId, patientId, f, version } = await openSession(tx, sessionId);
    if (firstDeviceAt(f.devices)) throw new HttpError(409, "ALREADY_DOSED", "Devices are recorded: the dose can no longer change.");
    if (input.version !== version) throw conflictError("session");
    const doseMg = doseMgOf(input);
    const after = await tx.treatmentSession.update({ where: { id: sessionId }, data: { plannedDoseMg: doseMg, otherDoseReason: input.doseOption === "OTHER" ? input.otherDoseReason : null, version: { increment: 1 } }, select: { plannedDoseMg: true, otherDoseReason: true, version: true } });
    await appendAudit(tx, { actor, action: "session.dose", entityType: "TreatmentSession", entityId: sessionId, siteId, patientId, before: { plannedDoseMg: f.plannedDoseMg, otherDoseReason: f.otherDoseReason }, after });
    return after;
  });
}

export async function recordDevice(actor: Actor, sessionId: string, input: z.output<typeof deviceSchema>, key: string | null) {
  return onceByKey(key, (k) => db().deviceAdministration.findUnique({ where: { idempotencyKey: k }, select: { id: true, sequence: true, administeredAt: true } }), () =>
    transaction(async (tx) => {
      const { now, siteId, patientId, f } = await openSession(tx, sessionId);
      const device = await tx.device.findUnique({ where: { id: input.deviceId }, include: { lot: true } });
      if (!device || device.lot.siteId !== siteId) throw new HttpError(422, "INVALID_INPUT", "Choose a device from this site's stock.", { deviceId: ["Choose a device from this site's stock"] });
      if (device.status !== "ON_HAND") throw new HttpError(409, "DEVICE_USED", `Device ${device.serial} is no longer on hand (${device.status.toLowerCase()}).`, { deviceId: ["This device is no longer on hand"] });
      const administeredAt = input.administeredAt ?? now;
      const decision = deviceReadiness(f, { administeredAt, lotNumber: device.lot.lotNumber, lotExpiresOn: device.lot.expiresOn.toISOString().slice(0, 10) }, now);
      if (!decision.ok) throw ruleUnmet(decision.unmet);
      const unacknowledged = decision.warnings.filter((w) => !input.acknowledgedWarnings.includes(w.code));
      if (unacknowledged.length) throw warningsNotAcknowledged(unacknowledged);
      const sequence = f.devices.filter((d) => !d.enteredInError).length + 1;
      const row = await tx.deviceAdministration.create({ data: { sessionId, sequence, administeredAt, deviceId: device.id, recordedById: actor.id, idempotencyKey: key }, select: { id: true, sequence: true, administeredAt: true } });
      const { count } = await tx.device.updateMany({ where: { id: device.id, status: "ON_HAND" }, data: { status: "ADMINISTERED", version: { increment: 1 } } });
      if (!count) throw new HttpError(409, "DEVICE_USED", "This device was just used by someone else.");
      const allGiven = allDevicesGiven({ ...f, devices: [...f.devices, { id: row.id, sequence, administeredAt, lotNumber: device.lot.lotNumber, lotExpiresOn: "", enteredInError: false }] });
      await tx.treatmentSession.update({ where: { id: sessionId }, data: { status: allGiven ? "MONITORING" : "DOSING", version: { increment: 1 } } });
      await appendAudit(tx, { actor, action: "device.administer", entityType: "DeviceAdministration", entityId: row.id, siteId, patientId,
        after: { sequence, administeredAt, deviceId: device.id, serial: device.serial, lot: device.lot.lotNumber, acknowledgedWarnings: decision.warnings.map((w) => w.code) } });
      return { ...row, warnings: decision.warnings };
    }),
  );
}

async function openAdverseEvent(tx: Tx, actor: Actor, sessionId: string, siteId: string, patientId: string, alert: Alert, onsetAt: Date, spo2Nadir?: number | null) {
  const ae = await tx.adverseEvent.create({
    data: { sessionId, siteId, patientId, type: alert.opensAdverseEvent!, description: alert.message, serious: !!alert.serious, onsetAt, spo2Nadir: spo2Nadir ?? null, recordedById: actor.id },
  });
  await appendAudit(tx, { actor, action: "adverse_event.open", entityType: "AdverseEvent", entityId: ae.id, siteId, patientId, after: ae, reason: alert.code });
  return ae.id;
}

export async function recordVital(actor: Actor, sessionId: string, input: z.output<typeof vitalsSchema>, key: string | null) {
  return onceByKey(key, async (k) => {
    const v = await db().observationVital.findUnique({ where: { idempotencyKey: k } });
    return v && { id: v.id, takenAt: v.takenAt, alerts: [] as Alert[], adverseEventId: null as string | null };
  }, () =>
    transaction(async (tx) => {
      const { now, siteId, patientId, f } = await openForObservation(tx, sessionId);
      const takenAt = clinicalTime(input.takenAt, now);
      const t0 = firstDeviceAt(f.devices);
      const kind = !t0 || takenAt < t0 ? (input.kind === "EXTRA" ? "PRE_DOSE" : input.kind) : input.kind === "PRE_DOSE" ? "EXTRA" : input.kind;
      const v = await tx.observationVital.create({
        data: { sessionId, takenAt, kind, systolic: input.systolic ?? null, diastolic: input.diastolic ?? null, heartRate: input.heartRate ?? null,
          spo2: input.spo2 ?? null, respiratoryRate: input.respiratoryRate ?? null, recordedById: actor.id, idempotencyKey: key },
      });
      await appendAudit(tx, { actor, action: "vital.record", entityType: "ObservationVital", entityId: v.id, siteId, patientId, after: v });
      const alerts: Alert[] = [];
      let adverseEventId: string | null = null;
      if (t0 && takenAt >= t0) {
        const vital = { id: v.id, takenAt, kind: v.kind, systolic: v.systolic, diastolic: v.diastolic, heartRate: v.heartRate, spo2: v.spo2, enteredInError: false };
        const bp = bpAlert(vital, f.site);
        if (bp) alerts.push(bp);
        const sat = spo2Alert([...f.vitals, vital], vital, f.site);
        if (sat) {
          alerts.push(sat);
          if (sat.opensAdverseEvent && !f.openRespiratoryDepression) {
            const lows = [...f.vitals, vital].filter((x) => !x.enteredInError && x.spo2 != null && x.spo2 < f.site.spo2AlertThreshold && x.takenAt >= t0);
            adverseEventId = await openAdverseEvent(tx, actor, sessionId, siteId, patientId, sat, new Date(Math.min(...lows.map((x) => x.takenAt.getTime()))), Math.min(...lows.map((x) => x.spo2!)));
          }
        }
      }
      return { id: v.id, takenAt, alerts, adverseEventId };
    }),
  );
}

export async function recordSedation(actor: Actor, sessionId: string, input: z.output<typeof sedationSchema>, key: string | null) {
  return onceByKey(key, async (k) => {
    const s = await db().sedationAssessment.findUnique({ where: { idempotencyKey: k } });
    return s && { id: s.id, alert: null as Alert | null, adverseEventId: null as string | null };
  }, () =>
    transaction(async (tx) => {
      const { now, siteId, patientId, f } = await openForObservation(tx, sessionId);
      const takenAt = clinicalTime(input.takenAt, now);
      const s = await tx.sedationAssessment.create({ data: { sessionId, takenAt, moaas: input.moaas, recordedById: actor.id, idempotencyKey: key } });
      await appendAudit(tx, { actor, action: "sedation.record", entityType: "SedationAssessment", entityId: s.id, siteId, patientId, after: s });
      const alert = sedationAlert(s);
      const adverseEventId = alert?.opensAdverseEvent ? await openAdverseEvent(tx, actor, sessionId, siteId, patientId, alert, takenAt) : null;
      return { id: s.id, alert, adverseEventId };
    }),
  );
}

export async function recordDissociation(actor: Actor, sessionId: string, input: z.output<typeof dissociationSchema>, key: string | null) {
  return onceByKey(key, (k) => db().dissociationAssessment.findUnique({ where: { idempotencyKey: k }, select: { id: true } }), () =>
    transaction(async (tx) => {
      const { now, siteId, patientId, f } = await openForObservation(tx, sessionId);
      const takenAt = clinicalTime(input.takenAt, now);
      const total = input.itemScores.length ? input.itemScores.reduce((a, b) => a + b, 0) : null;
      const d = await tx.dissociationAssessment.create({ data: { sessionId, takenAt, present: input.present, scale: input.scale, itemScores: input.itemScores, total, recordedById: actor.id, idempotencyKey: key } });
      await appendAudit(tx, { actor, action: "dissociation.record", entityType: "DissociationAssessment", entityId: d.id, siteId, patientId, after: d });
      return { id: d.id };
    }),
  );
}

export async function recordAdverseEvent(actor: Actor, sessionId: string, input: z.output<typeof adverseEventSchema>, key: string | null) {
  return onceByKey(key, (k) => db().adverseEvent.findUnique({ where: { idempotencyKey: k }, select: { id: true } }), () =>
    transaction(async (tx) => {
      const now = new Date();
      const { siteId, patientId, facts: f } = await facts(tx, sessionId, now, { afterSigning: true });
      if (closed(f.status) && f.status !== "DISCHARGED" && f.status !== "EMERGENCY_TRANSFER") throw sessionClosed();
      const ae = await tx.adverseEvent.create({
        data: { sessionId, siteId, patientId, type: input.type, description: input.description, serious: input.serious, onsetAt: input.onsetAt ?? now,
          resolvedAt: input.resolvedAt ?? null, interventions: input.interventions, outcome: input.outcome ?? null, spo2Nadir: input.spo2Nadir ?? null, recordedById: actor.id, idempotencyKey: key },
        select: { id: true },
      });
      await appendAudit(tx, { actor, action: "adverse_event.record", entityType: "AdverseEvent", entityId: ae.id, siteId, patientId, after: input });
      return ae;
    }),
  );
}

/**
 * R26: a documented symptom of a hypertensive crisis opens a serious hypertension event at once; the
 * session then shows the emergency-referral banner until the event is resolved or the patient is transferred.
 */
export async function recordHypertensiveCrisis(actor: Actor, sessionId: string, input: z.output<typeof crisisSchema>, key: string | null) {
  return onceByKey(key, (k) => db().adverseEvent.findUnique({ where: { idempotencyKey: k }, select: { id: true } }), () =>
    transaction(async (tx) => {
      const { now, siteId, patientId } = await openForObservation(tx, sessionId);
      const onsetAt = clinicalTime(input.notedAt, now, "notedAt");
      const description = `Hypertensive crisis symptoms: ${input.symptoms.map((s) => CRISIS_SYMPTOMS[s].toLowerCase()).join(", ")}. Emergency care indicated.`;
      const ae = await tx.adverseEvent.create({
        data: { sessionId, siteId, patientId, type: "HYPERTENSION", description, serious: true, onsetAt, recordedById: actor.id, idempotencyKey: key },
        select: { id: true },
      });
      await appendAudit(tx, { actor, action: "adverse_event.open", entityType: "AdverseEvent", entityId: ae.id, siteId, patientId, after: { ...input, description }, reason: "R26_HYPERTENSIVE_CRISIS" });
      return { id: ae.id };
    }),
  );
}

export async function resolveAdverseEvent(actor: Actor, sessionId: string, eventId: string, resolvedAt: Date | undefined, outcome: string) {
  return transaction(async (tx) => {
    const now = new Date();
    const { signedAt } = await lockSession(tx, sessionId, { afterSigning: true });
    const before = await tx.adverseEvent.findFirst({ where: { id: eventId, sessionId } });
    if (!before) throw notFoundError("Adverse event");
    // Events open at signing cannot exist (sign-off waits for them); one signed as it was stays as it was.
    if (signedAt && before.createdAt <= signedAt) throw new HttpError(409, "SESSION_SIGNED", "This event is part of the signed record: record a correction as an amendment.");
    if (before.resolvedAt) throw new HttpError(409, "ALREADY_RESOLVED", "This event is already resolved.");
    const at = resolvedAt ?? now;
    if (at > now || at < before.onsetAt) throw new HttpError(422, "INVALID_INPUT", "The resolution time must be between onset and now.", { resolvedAt: ["Between onset and now"] });
    const after = await tx.adverseEvent.update({ where: { id: eventId }, data: { resolvedAt: at, outcome, version: { increment: 1 } } });
    await appendAudit(tx, { actor, action: "adverse_event.resolve", entityType: "AdverseEvent", entityId: eventId, siteId: before.siteId, patientId: before.patientId, before, after });
    return { id: eventId };
  });
}

export async function decideGate(actor: Actor, sessionId: string, input: z.output<typeof gateDecisionSchema>, key: string | null) {
  return onceByKey(key, (k) => db().clinicalDecision.findUnique({ where: { idempotencyKey: k }, select: { id: true } }), () =>
    transaction(async (tx) => {
      const { now, siteId, patientId, f } = await openSession(tx, sessionId);
      const d = await tx.clinicalDecision.create({ data: { sessionId, rule: input.rule, decision: input.decision, reason: input.reason, prescriberId: actor.id, decidedAt: now, idempotencyKey: key }, select: { id: true } });
      await appendAudit(tx, { actor, action: "gate.decide", entityType: "ClinicalDecision", entityId: d.id, siteId, patientId, after: input });
      return d;
    }),
  );
}

export async function discharge(actor: Actor, sessionId: string, input: z.output<typeof dischargeSchema>) {
  return transaction(async (tx) => {
    const { now, siteId, patientId, f } = await openSession(tx, sessionId);
    const readiness = dischargeReadiness(f, now, input);
    if (!readiness.ok) throw ruleUnmet(readiness.unmet);
    const t0 = readiness.t0!;
    const forty = fortyMinuteReading(f.vitals, t0, f.params, now);
    const deviations = forty.state === "recorded" && forty.deviation
      ? [{ code: "R25_OUTSIDE_WINDOW", description: `40-minute blood pressure taken at ${Math.floor(forty.minutesAfterT0)} minutes (window 30–50).` }] : [];
    for (const d of deviations) await tx.protocolDeviation.create({ data: { sessionId, code: d.code, description: d.description, detectedAt: now } });
    const decision = await tx.dischargeDecision.create({
      data: { sessionId, outcome: "DISCHARGED", decidedAt: now, hcpId: actor.id, rideConfirmed: input.rideConfirmed, noDrivingReminder: input.noDrivingReminder,
        readyToLeaveMinutes: input.readyToLeaveMinutes, vitalsAcceptablePreAdministration: input.vitalsAcceptablePreAdministration,
        vitalsAcceptablePreCompletion: input.vitalsAcceptablePreCompletion,
        criteriaSnapshot: JSON.parse(JSON.stringify({ totalMinutes: readiness.totalMinutes, warnings: readiness.warnings, gatesDecided: f.decisions, deviations })) },
    });
    await tx.treatmentSession.update({ where: { id: sessionId }, data: { status: "DISCHARGED", endOfMonitoringAt: now, version: { increment: 1 } } });
    await appendAudit(tx, { actor, action: "session.discharge", entityType: "TreatmentSession", entityId: sessionId, siteId, patientId, after: { decisionId: decision.id, totalMinutes: wholeMinutes(t0, now), ...input } });
    const pmfId = await createDraftPmf(tx, actor, sessionId, f, now);
    return { totalMinutes: wholeMinutes(t0, now), pmfId };
  });
}

export async function emergencyTransfer(actor: Actor, sessionId: string, input: z.output<typeof transferSchema>) {
  return transaction(async (tx) => {
    const { now, siteId, patientId, f } = await openSession(tx, sessionId);
    const t0 = firstDeviceAt(f.devices);
    const at = clinicalTime(input.transferredAt, now, "transferredAt");
    await tx.dischargeDecision.create({ data: { sessionId, outcome: "EMERGENCY_TRANSFER", decidedAt: at, hcpId: actor.id, receivingService: input.receivingService, criteriaSnapshot: { reason: input.reason } } });
    await tx.treatmentSession.update({ where: { id: sessionId }, data: { status: t0 ? "EMERGENCY_TRANSFER" : "CANCELLED", endOfMonitoringAt: at, cancelledReason: t0 ? null : input.reason, version: { increment: 1 } } });
    await appendAudit(tx, { actor, action: "session.emergency_transfer", entityType: "TreatmentSession", entityId: sessionId, siteId, patientId, after: input });
    const pmfId = await createDraftPmf(tx, actor, sessionId, f, at);
    return { totalMinutes: t0 ? wholeMinutes(t0, at) : null, pmfId };
  });
}

const ERROR_TABLES = { vital: "observationVital", device: "deviceAdministration", sedation: "sedationAssessment", dissociation: "dissociationAssessment" } as const;
export type EntryKind = keyof typeof ERROR_TABLES;

/** A wrong entry is never overwritten: it is marked entered-in-error (kept, struck through) and the right value is recorded anew. */
export async function markEnteredInError(actor: Actor, sessionId: string, kind: EntryKind, entryId: string, reason: string) {
  return transaction(async (tx) => {
    const { now, siteId, patientId, f } = await openSession(tx, sessionId);
    // The four tables share the entered-in-error columns; Prisma's delegates differ only in type.
    const table = tx[ERROR_TABLES[kind]] as unknown as {
      findFirst(a: object): Promise<{ id: string; enteredInErrorAt: Date | null } | null>;
      update(a: object): Promise<unknown>;
    };
    const before = await table.findFirst({ where: { id: entryId, sessionId } });
    if (!before) throw notFoundError("Entry");
    if (before.enteredInErrorAt) throw new HttpError(409, "ALREADY_IN_ERROR", "This entry is already marked entered in error.");
    const after = await table.update({ where: { id: entryId }, data: { enteredInErrorAt: now, enteredInErrorById: actor.id, enteredInErrorReason: reason } });
    if (kind === "device") {
      // The record was wrong, so that device was not given: it goes back on hand (the physical count will show any doubt).
      const deviceId = (after as { deviceId: string }).deviceId;
      await tx.device.update({ where: { id: deviceId }, data: { status: "ON_HAND", version: { increment: 1 } } });
    }
    await appendAudit(tx, { actor, action: `${kind}.entered_in_error`, entityType: ERROR_TABLES[kind], entityId: entryId, siteId, patientId, before, after, reason });
    return { id: entryId };
  });
}
