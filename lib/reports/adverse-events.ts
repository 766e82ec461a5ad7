import "server-only";
import type { z } from "zod";
import { db, transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { conflictError, HttpError, invalidInput, notFoundError } from "@/lib/http/errors";
import { formatTime } from "@/lib/time/format";
import { COUNT_CAP, offsetOf, PAGE_SIZE, pageInfo } from "@/lib/tables/list-query";
import { csvFromRows } from "./csv";
import { needsRemsReport, remsReportOpen, reportedDateProblem } from "./adverse-event-rules";
import type { AeLogQuery, reportedToRemsSchema } from "./adverse-events-schema";
import { addDays, dateOnly, siteDay, startOfDay } from "@/lib/time/days";

const select = {
  id: true,
  type: true,
  description: true,
  serious: true,
  onsetAt: true,
  resolvedAt: true,
  interventions: true,
  outcome: true,
  spo2Nadir: true,
  reportedToRemsAt: true,
  remsReference: true,
  version: true,
  sessionId: true,
  session: { select: { treatmentDate: true, monitoringForms: { where: { amendedBy: null }, select: { id: true }, take: 1 } } },
  patient: { select: { id: true, firstName: true, lastName: true, mrn: true } },
  site: { select: { id: true, name: true, timeZone: true, settingType: true } },
} satisfies Prisma.AdverseEventSelect;
type Row = Prisma.AdverseEventGetPayload<{ select: typeof select }>;

export type AeLogRow = ReturnType<typeof toDto>;

function toDto(r: Row) {
  const tz = r.site.timeZone;
  return {
    id: r.id,
    version: r.version,
    sessionId: r.sessionId,
    site: r.site.name,
    // Administrators do not open the chair-side session screen (R47): the session is shown by its date and PMF.
    sessionDate: r.session?.treatmentDate ? dateOnly(r.session.treatmentDate) : null,
    sessionPmfId: r.session?.monitoringForms[0]?.id ?? null,
    onset: `${siteDay(r.onsetAt, tz)} ${formatTime(r.onsetAt, tz)}`,
    onsetDate: siteDay(r.onsetAt, tz),
    patient: `${r.patient.lastName}, ${r.patient.firstName}`,
    mrn: r.patient.mrn,
    type: r.type,
    serious: r.serious,
    description: r.description,
    interventions: r.interventions,
    outcome: r.outcome,
    spo2Nadir: r.spo2Nadir,
    resolved: r.resolvedAt ? `${siteDay(r.resolvedAt, tz)} ${formatTime(r.resolvedAt, tz)}` : null,
    needsReport: needsRemsReport({ serious: r.serious, settingType: r.site.settingType }),
    reportOpen: remsReportOpen({ serious: r.serious, settingType: r.site.settingType, reportedToRemsAt: r.reportedToRemsAt }),
    reportedOn: r.reportedToRemsAt ? siteDay(r.reportedToRemsAt, tz) : null,
    remsReference: r.remsReference,
  };
}

const OPEN = { reportedToRemsAt: null } satisfies Prisma.AdverseEventWhereInput;

/**
 * The log's filter in the user's sites: onset dates exactly in each site's calendar (an OR of instant ranges,
 * one per site), and which events are open "reported to REMS" tasks (R41: serious, or any at an inpatient site).
 */
async function scope(siteIds: string[], q: AeLogQuery) {
  const sites = await db().site.findMany({
    where: { id: { in: q.site && siteIds.includes(q.site) ? [q.site] : siteIds } },
    select: { id: true, timeZone: true, settingType: true },
  });
  const onset = (tz: string) => ({ ...(q.from ? { gte: startOfDay(q.from, tz) } : {}), ...(q.to ? { lt: startOfDay(addDays(q.to, 1), tz) } : {}) });
  const byZone = new Map<string, string[]>();
  for (const s of sites) byZone.set(s.timeZone, [...(byZone.get(s.timeZone) ?? []), s.id]);
  const base: Prisma.AdverseEventWhereInput = {
    ...(q.from || q.to ? { OR: [...byZone].map(([tz, ids]) => ({ siteId: { in: ids }, onsetAt: onset(tz) })) } : { siteId: { in: sites.map((s) => s.id) } }),
    ...(q.serious ? { serious: true } : {}),
    ...(q.type ? { type: q.type } : {}),
  };
  const inpatient = sites.filter((s) => s.settingType === "INPATIENT").map((s) => s.id);
  const open: Prisma.AdverseEventWhereInput = { AND: [base, OPEN, { OR: [{ serious: true }, { siteId: { in: inpatient } }] }] };
  return { base, open, rest: { AND: [base, { NOT: open }] } satisfies Prisma.AdverseEventWhereInput };
}

/**
 * R41: a page of the adverse events of the user's sites, filtered. Events whose "reported to REMS" task is
 * still open come first (oldest first: however many there are, they lead the first pages and are counted),
 * then the rest by onset (newest first, or oldest first when sorted so), through the index (onsetAt, id).
 * Onset and resolution in the site's time zone.
 */
export async function adverseEventLog(siteIds: string[], q: AeLogQuery, pageSize = PAGE_SIZE) {
  const w = await scope(siteIds, q);
  const [openCount, restCount] = await Promise.all([
    db().adverseEvent.count({ where: w.open }),
    db().adverseEvent.count({ where: w.rest, take: COUNT_CAP + 1 }),
  ]);
  const info = pageInfo(openCount + restCount, q.page ?? 1, pageSize, COUNT_CAP + openCount);
  const offset = offsetOf(info);
  const open =
    offset < openCount
      ? await db().adverseEvent.findMany({ where: w.open, orderBy: [{ onsetAt: "asc" }, { id: "asc" }], skip: offset, take: pageSize, select })
      : [];
  const dir = q.dir === "asc" ? "asc" : "desc";
  const rest =
    open.length < pageSize
      ? await db().adverseEvent.findMany({
          where: w.rest,
          orderBy: [{ onsetAt: dir }, { id: dir }],
          skip: Math.max(0, offset - openCount),
          take: pageSize - open.length,
          select,
        })
      : [];
  return { ...info, openCount, rows: [...open, ...rest].map(toDto) };
}

export const aeSite = async (id: string) => (await db().adverseEvent.findUnique({ where: { id }, select: { siteId: true } }))?.siteId ?? null;

/** R41: record once that the event was reported to the REMS (date, reference); version-checked and audited. */
export async function recordReportedToRems(actor: NonNullable<AuditActor>, id: string, input: z.output<typeof reportedToRemsSchema>) {
  return transaction(async (tx) => {
    const ae = await tx.adverseEvent.findUnique({ where: { id }, select: { ...select, siteId: true, patientId: true } });
    if (!ae) throw notFoundError("Adverse event");
    if (!needsRemsReport({ serious: ae.serious, settingType: ae.site.settingType }))
      throw new HttpError(409, "NOT_REPORTABLE", "This event is not serious: the REMS asks for serious events only at an outpatient setting.");
    if (ae.reportedToRemsAt)
      throw new HttpError(
        409,
        "ALREADY_REPORTED",
        `This event was already reported to the REMS on ${siteDay(ae.reportedToRemsAt, ae.site.timeZone)} (${ae.remsReference}).`,
      );
    const problem = reportedDateProblem(input.reportedOn, siteDay(ae.onsetAt, ae.site.timeZone), siteDay(new Date(), ae.site.timeZone));
    if (problem) throw invalidInput({ reportedOn: [problem] });
    // The REMS gives a date, not a time: kept as midday UTC of that date (the same calendar date in the Americas and Europe).
    const reportedToRemsAt = new Date(`${input.reportedOn}T12:00:00Z`);
    const { count } = await tx.adverseEvent.updateMany({
      where: { id, version: input.version, reportedToRemsAt: null },
      data: { reportedToRemsAt, remsReference: input.reference, version: { increment: 1 } },
    });
    if (!count) throw conflictError("adverse event");
    await appendAudit(tx, {
      actor,
      action: "adverse_event.reported_to_rems",
      entityType: "AdverseEvent",
      entityId: id,
      siteId: ae.siteId,
      patientId: ae.patientId,
      before: { reportedToRemsAt: null, remsReference: null },
      after: { reportedOn: input.reportedOn, remsReference: input.reference },
    });
    return { id };
  });
}

export const AE_CSV_HEADER = [
  "onset",
  "site",
  "patient",
  "mrn",
  "sessionId",
  "type",
  "serious",
  "description",
  "interventions",
  "spo2Nadir",
  "outcome",
  "resolved",
  "reportToRems",
  "reportedToRemsOn",
  "remsReference",
];

/** The filtered log a page at a time (keyset on id), for the CSV. */
async function* aeRows(siteIds: string[], q: AeLogQuery, pageSize: number): AsyncGenerator<AeLogRow> {
  const { base } = await scope(siteIds, q);
  let afterId: string | undefined;
  for (;;) {
    const page = await db().adverseEvent.findMany({
      where: { AND: [base, ...(afterId ? [{ id: { gt: afterId } }] : [])] },
      orderBy: { id: "asc" },
      take: pageSize,
      select,
    });
    if (!page.length) return;
    afterId = page[page.length - 1].id;
    for (const r of page.map(toDto)) yield r;
  }
}

/** How many rows the CSV will have: the download's progress bar. */
export const aeCount = async (siteIds: string[], q: AeLogQuery) => db().adverseEvent.count({ where: (await scope(siteIds, q)).base });

export function aeCsvStream(siteIds: string[], q: AeLogQuery, pageSize = 1000): ReadableStream<Uint8Array> {
  return csvFromRows(
    AE_CSV_HEADER,
    aeRows(siteIds, q, pageSize),
    (r) => [
      r.onset,
      r.site,
      r.patient,
      r.mrn,
      r.sessionId,
      r.type,
      r.serious,
      r.description,
      r.interventions,
      r.spo2Nadir,
      r.outcome,
      r.resolved,
      r.needsReport ? (r.reportOpen ? "open" : "done") : "not required",
      r.reportedOn,
      r.remsReference,
    ],
    pageSize,
  );
}
