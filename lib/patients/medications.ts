import "server-only";
import { serverNow } from "@/lib/clock";
import { db, transaction, type Tx } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { can, type Action, type Role } from "@/lib/auth/permissions";
import { conflictError, forbiddenError, invalidInput, notFoundError } from "@/lib/http/errors";
import { syncDraftPmf } from "@/lib/pmf/data";
import type { Medication, MedicationEdit, MedicationStop } from "./medication-schema";
import { inForceOn } from "./medication-rules";
import { dateOnly as dayOf, dateOnlyValue, siteDay } from "@/lib/time/days";

type Actor = NonNullable<AuditActor>;

const iso = dayOf;
const dateOnly = dateOnlyValue;

export type MedicationDto = {
  id: string;
  name: string;
  drugClass: string;
  dose: string | null;
  startedOn: string | null;
  stoppedOn: string | null;
  version: number;
  current: boolean;
};

/** The whole list with its history: medicines taken today first, then the stopped ones (newest stop first). */
export async function medicationsOf(patientId: string): Promise<MedicationDto[]> {
  const p = await db().patient.findUnique({
    where: { id: patientId },
    select: {
      site: { select: { timeZone: true } },
      medications: {
        orderBy: [{ name: "asc" }, { createdAt: "asc" }],
        select: { id: true, name: true, drugClass: true, dose: true, startedOn: true, stoppedOn: true, version: true },
      },
    },
  });
  if (!p) return [];
  const today = siteDay(serverNow(), p.site.timeZone);
  const rows = p.medications.map((m) => {
    const dto = { ...m, startedOn: m.startedOn && iso(m.startedOn), stoppedOn: m.stoppedOn && iso(m.stoppedOn) };
    return { ...dto, current: inForceOn(dto, today) };
  });
  return [...rows.filter((m) => m.current), ...rows.filter((m) => !m.current).sort((a, b) => (b.stoppedOn ?? "").localeCompare(a.stoppedOn ?? ""))];
}

/**
 * The server's own check, also under the route's: the role may do this (R47: administrators never alter
 * clinical data) and the patient belongs to one of the actor's sites (otherwise it does not exist for them).
 */
export async function patientInScope(tx: Tx, actor: Actor, action: Action, patientId: string) {
  if (!can(actor.role as Role, action)) throw forbiddenError();
  const patient = await tx.patient.findUnique({
    where: { id: patientId },
    select: { siteId: true, version: true, hepaticImpairment: true, site: { select: { timeZone: true } } },
  });
  if (!patient || !(await tx.userSite.findUnique({ where: { userId_siteId: { userId: actor.id, siteId: patient.siteId } } }))) throw notFoundError("Patient");
  return { ...patient, today: siteDay(serverNow(), patient.site.timeZone) };
}

function datesPossible(input: { startedOn: string; stoppedOn?: string }, today: string) {
  if (input.startedOn > today) throw invalidInput({ startedOn: ["The start date cannot be in the future"] });
  if (input.stoppedOn && input.stoppedOn < input.startedOn) throw invalidInput({ stoppedOn: ["A medicine cannot stop before it started"] });
}

/** The patient's forms not yet submitted follow the list (their concomitant-medication answers read it). */
async function resyncForms(tx: Tx, actor: Actor, patientId: string) {
  const sessions = await tx.treatmentSession.findMany({
    where: { patientId, status: { in: ["DISCHARGED", "EMERGENCY_TRANSFER"] }, monitoringForms: { some: { status: { not: "SUBMITTED" } } } },
    select: { id: true },
  });
  for (const s of sessions) await syncDraftPmf(tx, actor, s.id);
}

const row = (input: Medication) => ({
  name: input.name,
  drugClass: input.drugClass,
  dose: input.dose || null,
  startedOn: dateOnly(input.startedOn),
  stoppedOn: input.stoppedOn ? dateOnly(input.stoppedOn) : null,
});
const medSelect = { id: true, name: true, drugClass: true, dose: true, startedOn: true, stoppedOn: true, version: true } as const;
const auditView = (m: { name: string; drugClass: string; dose: string | null; startedOn: Date | null; stoppedOn: Date | null }) => ({
  name: m.name,
  drugClass: m.drugClass,
  dose: m.dose,
  startedOn: m.startedOn && iso(m.startedOn),
  stoppedOn: m.stoppedOn && iso(m.stoppedOn),
});

export async function addMedication(actor: Actor, patientId: string, input: Medication): Promise<{ id: string; version: number }> {
  return transaction(async (tx) => {
    const p = await patientInScope(tx, actor, "medication.record", patientId);
    datesPossible(input, p.today);
    const m = await tx.concomitantMedication.create({ data: { patientId, ...row(input) }, select: medSelect });
    await appendAudit(tx, {
      actor,
      action: "medication.add",
      entityType: "ConcomitantMedication",
      entityId: m.id,
      siteId: p.siteId,
      patientId,
      before: null,
      after: auditView(m),
    });
    await resyncForms(tx, actor, patientId);
    return { id: m.id, version: m.version };
  });
}

/** A versioned change of one row of the patient's list (a stale version is a 409); the audit keeps old → new. */
async function updateMedication(
  actor: Actor,
  patientId: string,
  medId: string,
  version: number,
  action: string,
  change: (before: { startedOn: string | null }, today: string) => Partial<ReturnType<typeof row>>,
): Promise<{ id: string; version: number }> {
  return transaction(async (tx) => {
    const p = await patientInScope(tx, actor, "medication.record", patientId);
    const before = await tx.concomitantMedication.findFirst({ where: { id: medId, patientId }, select: medSelect });
    if (!before) throw notFoundError("Medication");
    if (before.version !== version) throw conflictError("medication");
    const data = change({ startedOn: before.startedOn && iso(before.startedOn) }, p.today);
    const { count } = await tx.concomitantMedication.updateMany({ where: { id: medId, version }, data: { ...data, version: { increment: 1 } } });
    if (!count) throw conflictError("medication");
    const after = await tx.concomitantMedication.findUniqueOrThrow({ where: { id: medId }, select: medSelect });
    await appendAudit(tx, {
      actor,
      action,
      entityType: "ConcomitantMedication",
      entityId: medId,
      siteId: p.siteId,
      patientId,
      before: auditView(before),
      after: auditView(after),
    });
    await resyncForms(tx, actor, patientId);
    return { id: medId, version: after.version };
  });
}

/** Corrects a row (name, class, dose, dates). */
export const editMedication = (actor: Actor, patientId: string, medId: string, input: MedicationEdit) =>
  updateMedication(actor, patientId, medId, input.version, "medication.edit", (_, today) => {
    datesPossible(input, today);
    return row(input);
  });

/** Stops a medicine from a day on; the row stays in the list's history. A stop may be recorded ahead (a planned taper's end). */
export const stopMedication = (actor: Actor, patientId: string, medId: string, input: MedicationStop) =>
  updateMedication(actor, patientId, medId, input.version, "medication.stop", (before) => {
    if (before.startedOn && input.stoppedOn < before.startedOn)
      throw invalidInput({ stoppedOn: [`A medicine cannot stop before it started (${before.startedOn})`] });
    return { stoppedOn: dateOnly(input.stoppedOn) };
  });
