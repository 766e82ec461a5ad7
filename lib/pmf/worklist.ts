import "server-only";
import type { z } from "zod";
import { db, Prisma, transaction } from "@/lib/db/client";
import { COUNT_CAP, offsetOf, PAGE_SIZE, pageInfo } from "@/lib/tables/list-query";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { conflictError, HttpError, notFoundError } from "@/lib/http/errors";
import { pmfDueState, pmfSubmittable } from "./rules";
import type { submitPmfSchema, WorklistQuery } from "./schema";
import { dateOnly, siteDay } from "@/lib/time/days";

const day = dateOnly;

const worklistSelect = {
  id: true,
  status: true,
  dueDate: true,
  submittedAt: true,
  channel: true,
  confirmation: true,
  version: true,
  fields: true,
  ownerId: true,
  amendmentReason: true,
  createdAt: true,
  amends: { select: { id: true, submittedAt: true, confirmation: true } },
  amendedBy: { select: { id: true, status: true, createdAt: true, amendmentReason: true } },
  session: {
    select: {
      id: true,
      status: true,
      treatmentDate: true,
      backEntryReason: true,
      patient: { select: { firstName: true, lastName: true } },
      site: { select: { name: true, timeZone: true } },
    },
  },
} as const;

/**
 * The worklist's forms and filter, as SQL over the form `f` and, when the filter asks about it, its session `s`
 * (the same in the count and the page). Without a date or patient filter the session is not joined: every form
 * has one, and a count of 1 000 forms with the join probed 1 000 sessions (6 ms at 100 000 sessions, 0.5 without).
 */
function worklistFrom(siteIds: string[], q: Partial<WorklistQuery>): Prisma.Sql {
  const parts = [Prisma.sql`f."siteId" = ANY(${siteIds}::text[])`];
  if (q.status) parts.push(Prisma.sql`f.status = ${q.status}::"PmfStatus"`);
  if (q.from) parts.push(Prisma.sql`s."treatmentDate" >= ${q.from}::date`);
  if (q.to) parts.push(Prisma.sql`s."treatmentDate" <= ${q.to}::date`);
  if (q.patient) {
    const prefix = `${q.patient.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Patient" p WHERE p.id = s."patientId" AND (lower(p.mrn) = ${q.patient.toLowerCase()} OR lower(p."lastName") LIKE ${prefix}))`,
    );
  }
  const forms =
    q.from || q.to || q.patient
      ? Prisma.sql`"PatientMonitoringForm" f JOIN "TreatmentSession" s ON s.id = f."sessionId"`
      : Prisma.sql`"PatientMonitoringForm" f`;
  return Prisma.sql`${forms} WHERE ${Prisma.join(parts, " AND ")}`;
}

/**
 * One page of the PMFs of the sites with status and due state in each site's calendar: unsubmitted first,
 * the most overdue first (or, sorted descending, the latest due first). An amended original stays listed
 * (submitted, immutable) with the link to its amendment. The order is that of the index
 * `PatientMonitoringForm_worklist_asc/desc` (open first, due date, id), so a page reads about its own rows
 * whatever the number of forms; the count stops at COUNT_CAP.
 */
export async function pmfWorklist(siteIds: string[], q: Partial<WorklistQuery>, pageSize = PAGE_SIZE, now = new Date()) {
  const forms = worklistFrom(siteIds, q);
  const [{ count }] = await db().$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM (SELECT 1 FROM ${forms} LIMIT ${COUNT_CAP + 1}) m`;
  const info = pageInfo(Number(count), q.page ?? 1, pageSize);
  const order = q.dir === "desc" ? Prisma.sql`(f.status = 'SUBMITTED'), f."dueDate" DESC, f.id DESC` : Prisma.sql`(f.status = 'SUBMITTED'), f."dueDate", f.id`;
  const ids = await db().$queryRaw<{ id: string }[]>`SELECT f.id FROM ${forms} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offsetOf(info)}`;
  const found = await db().patientMonitoringForm.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: worklistSelect });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.map(({ id }) => byId.get(id)).filter((r) => !!r);
  const owners = new Map(
    (
      await db().user.findMany({
        where: { id: { in: rows.map((r) => r.ownerId).filter((x): x is string => !!x) } },
        select: { id: true, firstName: true, lastName: true },
      })
    ).map((u) => [u.id, `${u.firstName} ${u.lastName}`]),
  );
  return {
    ...info,
    rows: rows.map((r) => {
      const treatmentDate = r.session.treatmentDate ? day(r.session.treatmentDate) : day(r.dueDate);
      const due = pmfDueState(treatmentDate, siteDay(now, r.session.site.timeZone));
      const check = pmfSubmittable((r.fields ?? {}) as Record<string, unknown>, r.session.status);
      return {
        id: r.id,
        sessionId: r.session.id,
        backEntryReason: r.session.backEntryReason,
        patient: `${r.session.patient.lastName}, ${r.session.patient.firstName}`,
        site: r.session.site.name,
        treatmentDate,
        // The stored due date (the order of the list): an amendment keeps its own days from when it was made.
        status: r.status,
        dueDate: day(r.dueDate),
        dueState: r.status === "SUBMITTED" ? null : due.state,
        daysLeft: due.daysLeft,
        owner: r.ownerId ? (owners.get(r.ownerId) ?? null) : null,
        submittedAt: r.submittedAt,
        channel: r.channel,
        confirmation: r.confirmation,
        version: r.version,
        missing: check.missing,
        amends: r.amends && {
          id: r.amends.id,
          submittedOn: r.amends.submittedAt ? siteDay(r.amends.submittedAt, r.session.site.timeZone) : null,
          confirmation: r.amends.confirmation,
          reason: r.amendmentReason ?? "",
        },
        amendedBy: r.amendedBy && {
          id: r.amendedBy.id,
          status: r.amendedBy.status,
          createdOn: siteDay(r.amendedBy.createdAt, r.session.site.timeZone),
          reason: r.amendedBy.amendmentReason ?? "",
        },
      };
    }),
  };
}
export type WorklistRow = Awaited<ReturnType<typeof pmfWorklist>>["rows"][number];

/** R38: record the submission; only a complete form of a completed session; afterwards the form is immutable. */
export async function markPmfSubmitted(actor: NonNullable<AuditActor>, id: string, input: z.output<typeof submitPmfSchema>) {
  return transaction(async (tx) => {
    const pmf = await tx.patientMonitoringForm.findUnique({ where: { id }, include: { session: { select: { status: true, siteId: true, patientId: true } } } });
    if (!pmf) throw notFoundError("Patient Monitoring Form");
    if (pmf.status === "SUBMITTED")
      throw new HttpError(409, "ALREADY_SUBMITTED", "This form was already submitted: it cannot change. A correction is an amendment.");
    const check = pmfSubmittable((pmf.fields ?? {}) as Record<string, unknown>, pmf.session.status);
    if (!check.ok)
      throw new HttpError(
        422,
        "PMF_INCOMPLETE",
        `The form is not complete: ${check.missing.join(", ")}.`,
        {},
        { unmet: check.missing.map((m) => ({ code: m, message: `Missing: ${m}` })) },
      );
    const submittedAt = input.submittedAt ?? new Date();
    const { count } = await tx.patientMonitoringForm.updateMany({
      where: { id, version: input.version, status: { not: "SUBMITTED" } },
      data: { status: "SUBMITTED", submittedAt, submittedById: actor.id, channel: input.channel, confirmation: input.confirmation, version: { increment: 1 } },
    });
    if (!count) throw conflictError("form");
    await appendAudit(tx, {
      actor,
      action: "pmf.submit",
      entityType: "PatientMonitoringForm",
      entityId: id,
      siteId: pmf.session.siteId,
      patientId: pmf.session.patientId,
      before: { status: pmf.status },
      after: { status: "SUBMITTED", submittedAt, channel: input.channel, confirmation: input.confirmation },
    });
    return { id };
  });
}

export const pmfSite = async (id: string) =>
  (await db().patientMonitoringForm.findUnique({ where: { id }, select: { session: { select: { siteId: true } } } }))?.session.siteId ?? null;
