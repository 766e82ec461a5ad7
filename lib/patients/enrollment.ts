import "server-only";
import { serverNow } from "@/lib/clock";
import { db, type Prisma, transaction, type Tx } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { conflictError, HttpError, invalidInput, notFoundError } from "@/lib/http/errors";
import { siteDay, startOfDay } from "@/lib/time/days";
import {
  counsellingCompleteAt,
  counsellingMissing,
  enrollmentComplete,
  enrollmentMissing,
  futureEnrollmentDates,
  type MissingEnrollmentPart,
} from "./enrollment-rules";
import { enrollmentOrderIssues, type Counselling, type Enrollment } from "./enrollment-schema";

type Actor = NonNullable<AuditActor>;
type EnrollmentFields = Pick<Enrollment, "prescriberId" | "patientSignedOn" | "prescriberSignedOn" | "submittedOn" | "channel" | "remsConfirmation">;

const CHUNK = 1000;
const name = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;

/** The psychiatrists who may sign a patient's enrollment at this site (R6: a prescriber of the patient's site). */
export const prescriberChoices = (siteId: string) =>
  db()
    .user.findMany({
      where: { role: "PSYCHIATRIST", disabledAt: null, sites: { some: { siteId } } },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      select: { id: true, firstName: true, lastName: true },
    })
    .then((us) => us.map((u) => ({ id: u.id, name: name(u) })));

/** The clinicians of the site who may counsel a patient (R7: a healthcare provider). */
export const counsellorChoices = (siteId: string) =>
  db()
    .user.findMany({
      where: { role: { in: ["NURSE", "PSYCHIATRIST"] }, disabledAt: null, sites: { some: { siteId } } },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      select: { id: true, firstName: true, lastName: true, role: true },
    })
    .then((us) => us.map((u) => ({ id: u.id, name: `${name(u)} (${u.role === "NURSE" ? "nurse" : "psychiatrist"})` })));

/**
 * R6: the checks of an enrollment beyond its shape, for the patient page and the import alike: the prescriber
 * is a psychiatrist of the patient's site, no date lies after the site's today, the form's dates are in order.
 * Field errors by the enrollment schema's field names; empty = acceptable.
 */
export function checkEnrollment(input: EnrollmentFields, ctx: { today: string; psychiatristIds: ReadonlySet<string> }): Record<string, string[]> {
  const errors: Record<string, string[]> = futureEnrollmentDates(input, ctx.today);
  if (!ctx.psychiatristIds.has(input.prescriberId)) (errors.prescriberId ??= []).push("The prescriber must be a psychiatrist of the patient's site");
  for (const i of enrollmentOrderIssues(input)) (errors[i.path] ??= []).push(i.message);
  return errors;
}

/** The row an enrollment becomes: the form's days are the start of that day at the site (as the import always did). */
export function enrollmentRow(
  input: EnrollmentFields,
  p: { patientId: string; siteId: string; timeZone: string },
  extra: { recordedById: string; createdAt: Date; supersedesId?: string | null; correctionReason?: string | null; id?: string },
): Prisma.RemsEnrollmentCreateManyInput {
  const at = (d: string) => (d ? startOfDay(d, p.timeZone) : null);
  return {
    ...(extra.id ? { id: extra.id } : {}),
    patientId: p.patientId,
    siteId: p.siteId,
    prescriberId: input.prescriberId,
    patientSignedAt: at(input.patientSignedOn),
    prescriberSignedAt: at(input.prescriberSignedOn),
    submittedAt: at(input.submittedOn),
    channel: input.channel || null,
    remsConfirmation: input.remsConfirmation || null,
    supersedesId: extra.supersedesId ?? null,
    correctionReason: extra.correctionReason || null,
    recordedById: extra.recordedById,
    createdAt: extra.createdAt,
  };
}

/** Writes checked enrollment rows, in chunks (the import writes thousands in its one transaction). */
export async function writeEnrollments(tx: Tx, rows: Prisma.RemsEnrollmentCreateManyInput[]) {
  for (let i = 0; i < rows.length; i += CHUNK) await tx.remsEnrollment.createMany({ data: rows.slice(i, i + CHUNK) });
}

async function psychiatristsOf(tx: Tx, siteId: string, ids: string[]) {
  const us = await tx.user.findMany({ where: { id: { in: ids }, role: "PSYCHIATRIST", disabledAt: null, sites: { some: { siteId } } }, select: { id: true } });
  return new Set(us.map((u) => u.id));
}

const snapshot = (
  e: {
    prescriberId: string;
    patientSignedAt: Date | null;
    prescriberSignedAt: Date | null;
    submittedAt: Date | null;
    channel: string | null;
    remsConfirmation: string | null;
  } | null,
  tz: string,
) =>
  e && {
    prescriberId: e.prescriberId,
    patientSignedOn: e.patientSignedAt && siteDay(e.patientSignedAt, tz),
    prescriberSignedOn: e.prescriberSignedAt && siteDay(e.prescriberSignedAt, tz),
    submittedOn: e.submittedAt && siteDay(e.submittedAt, tz),
    channel: e.channel,
    remsConfirmation: e.remsConfirmation,
  };

/**
 * R6: records the Patient Enrollment Form — the patient's first, or a re-enrollment or correction that
 * replaces the current one (named by `supersedesId`, which must still be the current one: 409 otherwise).
 * The replaced row stays as history. The dosing gate reads the current row and opens only when it is complete.
 */
export async function recordEnrollment(
  actor: Actor,
  patientId: string,
  input: Enrollment,
): Promise<{ id: string; complete: boolean; missing: MissingEnrollmentPart[] }> {
  return transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Patient" WHERE id = ${patientId} FOR UPDATE`;
    if (!locked.length) throw notFoundError("Patient");
    const p = await tx.patient.findUniqueOrThrow({
      where: { id: patientId },
      select: { siteId: true, site: { select: { timeZone: true, settingType: true } } },
    });
    if (p.site.settingType === "INPATIENT") throw new HttpError(422, "NOT_REQUIRED", "Patients of an inpatient setting are not enrolled in the REMS.");
    const current = await tx.remsEnrollment.findFirst({ where: { patientId, supersededBy: { is: null } } });
    if ((input.supersedesId || null) !== (current?.id ?? null))
      throw input.supersedesId && !current ? invalidInput({ supersedesId: ["No enrollment to correct"] }) : conflictError("enrollment");
    const tz = p.site.timeZone;
    const now = serverNow();
    const errors = checkEnrollment(input, { today: siteDay(now, tz), psychiatristIds: await psychiatristsOf(tx, p.siteId, [input.prescriberId]) });
    if (Object.keys(errors).length) throw invalidInput(errors);
    const row = await tx.remsEnrollment.create({
      data: enrollmentRow(
        input,
        { patientId, siteId: p.siteId, timeZone: tz },
        { recordedById: actor.id, createdAt: now, supersedesId: current?.id, correctionReason: input.correctionReason },
      ) as Prisma.RemsEnrollmentUncheckedCreateInput,
    });
    const missing = enrollmentMissing(row);
    await appendAudit(tx, {
      actor,
      action: current ? "patient.enrollment_correct" : "patient.enrollment",
      entityType: "RemsEnrollment",
      entityId: row.id,
      siteId: p.siteId,
      patientId,
      before: snapshot(current, tz),
      after: { ...snapshot(row, tz), supersedesId: current?.id ?? null, correctionReason: input.correctionReason || null, complete: missing.length === 0 },
    });
    return { id: row.id, complete: missing.length === 0, missing };
  });
}

export type EnrollmentHistoryRow = {
  id: string;
  current: boolean;
  complete: boolean;
  missing: MissingEnrollmentPart[];
  prescriber: string;
  patientSignedOn: string | null;
  prescriberSignedOn: string | null;
  submittedOn: string | null;
  channel: "ONLINE" | "FAX" | null;
  remsConfirmation: string | null;
  correctionReason: string | null;
  recordedBy: string | null;
  recordedAt: Date;
  /** The form's values, for a correction pre-filled from the current row. */
  prescriberId: string;
};

/** Every enrollment of the patient, the current one first, then what it replaced (newest first). */
export async function enrollmentHistory(patientId: string): Promise<EnrollmentHistoryRow[]> {
  const rows = await db().remsEnrollment.findMany({
    where: { patientId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      prescriberId: true,
      patientSignedAt: true,
      prescriberSignedAt: true,
      submittedAt: true,
      channel: true,
      remsConfirmation: true,
      correctionReason: true,
      createdAt: true,
      supersededBy: { select: { id: true } },
      site: { select: { timeZone: true } },
      prescriber: { select: { firstName: true, lastName: true } },
      recordedBy: { select: { firstName: true, lastName: true } },
    },
  });
  const day = (d: Date | null, tz: string) => (d ? siteDay(d, tz) : null);
  return rows
    .map((r) => ({
      id: r.id,
      current: !r.supersededBy,
      complete: enrollmentComplete(r),
      missing: enrollmentMissing(r),
      prescriber: name(r.prescriber),
      prescriberId: r.prescriberId,
      patientSignedOn: day(r.patientSignedAt, r.site.timeZone),
      prescriberSignedOn: day(r.prescriberSignedAt, r.site.timeZone),
      submittedOn: day(r.submittedAt, r.site.timeZone),
      channel: r.channel,
      remsConfirmation: r.remsConfirmation,
      correctionReason: r.correctionReason,
      recordedBy: r.recordedBy ? name(r.recordedBy) : null,
      recordedAt: r.createdAt,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/**
 * R7: records a counselling visit — who counselled (a nurse or psychiatrist of the patient's site), when
 * (not in the future by the server's clock; omitted = now) and on which REMS topics.
 */
export async function recordCounselling(actor: Actor, patientId: string, input: Counselling): Promise<{ id: string; missingTopics: string[] }> {
  return transaction(async (tx) => {
    const p = await tx.patient.findUnique({ where: { id: patientId }, select: { siteId: true } });
    if (!p) throw notFoundError("Patient");
    const now = serverNow();
    const counselledAt = input.counselledAt ? new Date(input.counselledAt) : now;
    const errors: Record<string, string[]> = {};
    if (counselledAt.getTime() > now.getTime()) errors.counselledAt = ["This time is in the future"];
    const counsellor = await tx.user.findFirst({
      where: { id: input.counselledById, role: { in: ["NURSE", "PSYCHIATRIST"] }, disabledAt: null, sites: { some: { siteId: p.siteId } } },
      select: { id: true },
    });
    if (!counsellor) errors.counselledById = ["Choose a nurse or psychiatrist of the patient's site"];
    if (Object.keys(errors).length) throw invalidInput(errors);
    const row = await tx.counsellingRecord.create({
      data: { patientId, counselledAt, counselledById: input.counselledById, topics: input.topics, createdAt: now },
      select: { id: true },
    });
    const all = await tx.counsellingRecord.findMany({ where: { patientId }, select: { counselledAt: true, topics: true } });
    const missingTopics = counsellingMissing(all);
    await appendAudit(tx, {
      actor,
      action: "patient.counselling",
      entityType: "CounsellingRecord",
      entityId: row.id,
      siteId: p.siteId,
      patientId,
      before: null,
      after: { counselledById: input.counselledById, counselledAt: counselledAt.toISOString(), topics: input.topics, missingTopics },
    });
    return { id: row.id, missingTopics };
  });
}

export type CounsellingHistory = {
  completeAt: Date | null;
  missingTopics: string[];
  records: { id: string; counselledAt: Date; counsellor: string; topics: string[] }[];
};

export async function counsellingHistory(patientId: string): Promise<CounsellingHistory> {
  const rows = await db().counsellingRecord.findMany({
    where: { patientId },
    orderBy: [{ counselledAt: "desc" }, { id: "desc" }],
    select: { id: true, counselledAt: true, topics: true, counselledBy: { select: { firstName: true, lastName: true } } },
  });
  return {
    completeAt: counsellingCompleteAt(rows),
    missingTopics: counsellingMissing(rows),
    records: rows.map((r) => ({ id: r.id, counselledAt: r.counselledAt, counsellor: name(r.counselledBy), topics: r.topics })),
  };
}
