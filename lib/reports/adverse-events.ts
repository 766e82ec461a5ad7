import "server-only";
import type { z } from "zod";
import { db, transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { conflictError, HttpError, invalidInput, notFoundError } from "@/lib/http/errors";
import { localClock, localDate } from "@/lib/sessions/local-time";
import { csvFromRows } from "./csv";
import { needsRemsReport, remsReportOpen, reportedDateProblem } from "./adverse-event-rules";
import type { AeLogQuery, reportedToRemsSchema } from "./adverse-events-schema";
import { dateOnly } from "@/lib/time/days";

const select = {
  id: true, type: true, description: true, serious: true, onsetAt: true, resolvedAt: true, interventions: true, outcome: true, spo2Nadir: true,
  reportedToRemsAt: true, remsReference: true, version: true, sessionId: true,
  session: { select: { treatmentDate: true, monitoringForms: { where: { amendedBy: null }, select: { id: true }, take: 1 } } },
  patient: { select: { id: true, firstName: true, lastName: true, mrn: true } },
  site: { select: { id: true, name: true, timeZone: true, settingType: true } },
} satisfies Prisma.AdverseEventSelect;
type Row = Prisma.AdverseEventGetPayload<{ select: typeof select }>;

export type AeLogRow = ReturnType<typeof toDto>;

function toDto(r: Row) {
  const tz = r.site.timeZone;
  return {
    id: r.id, version: r.version, sessionId: r.sessionId, site: r.site.name,
    // Administrators do not open the chair-side session screen (R47): the session is shown by its date and PMF.
    sessionDate: r.session?.treatmentDate ? dateOnly(r.session.treatmentDate) : null, sessionPmfId: r.session?.monitoringForms[0]?.id ?? null,
    onset: `${localDate(r.onsetAt, tz)} ${localClock(r.onsetAt, tz)}`, onsetDate: localDate(r.onsetAt, tz),
    patient: `${r.patient.lastName}, ${r.patient.firstName}`, mrn: r.patient.mrn, type: r.type, serious: r.serious, description: r.description,
    interventions: r.interventions, outcome: r.outcome, spo2Nadir: r.spo2Nadir,
    resolved: r.resolvedAt ? `${localDate(r.resolvedAt, tz)} ${localClock(r.resolvedAt, tz)}` : null,
    needsReport: needsRemsReport({ serious: r.serious, settingType: r.site.settingType }),
    reportOpen: remsReportOpen({ serious: r.serious, settingType: r.site.settingType, reportedToRemsAt: r.reportedToRemsAt }),
    reportedOn: r.reportedToRemsAt ? localDate(r.reportedToRemsAt, tz) : null, remsReference: r.remsReference,
  };
}

function where(siteIds: string[], q: AeLogQuery): Prisma.AdverseEventWhereInput {
  const site = q.site && siteIds.includes(q.site) ? [q.site] : siteIds;
  // Onset dates are compared by instant with a day's margin each side, then exactly in each site's calendar below.
  const onset = q.from || q.to ? { onsetAt: { ...(q.from ? { gte: new Date(Date.parse(`${q.from}T00:00:00Z`) - 86_400_000) } : {}), ...(q.to ? { lt: new Date(Date.parse(`${q.to}T00:00:00Z`) + 2 * 86_400_000) } : {}) } } : {};
  return { siteId: { in: site }, ...(q.serious ? { serious: true } : {}), ...(q.type ? { type: q.type } : {}), ...onset };
}
const inRange = (q: AeLogQuery) => (r: AeLogRow) => (!q.from || r.onsetDate >= q.from) && (!q.to || r.onsetDate <= q.to);

/**
 * R41: the adverse events of the user's sites, filtered; events whose "reported to REMS" task is still
 * open come first (oldest first), then the rest, newest first. Onset and resolution in the site's time zone.
 */
export async function adverseEventLog(siteIds: string[], q: AeLogQuery, limit = 500) {
  const base = where(siteIds, q);
  // Every open task, however old (never cut off by the page limit), then the newest of the rest.
  const open = (await db().adverseEvent.findMany({
    where: { AND: [base, { reportedToRemsAt: null }, { OR: [{ serious: true }, { site: { settingType: "INPATIENT" } }] }] }, orderBy: [{ onsetAt: "asc" }, { id: "asc" }], select,
  })).map(toDto).filter(inRange(q)).filter((r) => r.reportOpen);
  const rest = (await db().adverseEvent.findMany({ where: { AND: [base, { id: { notIn: open.map((r) => r.id) } }] }, orderBy: [{ onsetAt: "desc" }, { id: "asc" }], take: limit + 1, select }))
    .map(toDto).filter(inRange(q));
  const rows = [...open, ...rest];
  return { openCount: open.length, rows: rows.slice(0, Math.max(limit, open.length)), truncated: rows.length > Math.max(limit, open.length) };
}

export const aeSite = async (id: string) => (await db().adverseEvent.findUnique({ where: { id }, select: { siteId: true } }))?.siteId ?? null;

/** R41: record once that the event was reported to the REMS (date, reference); version-checked and audited. */
export async function recordReportedToRems(actor: NonNullable<AuditActor>, id: string, input: z.output<typeof reportedToRemsSchema>) {
  return transaction(async (tx) => {
    const ae = await tx.adverseEvent.findUnique({ where: { id }, select: { ...select, siteId: true, patientId: true } });
    if (!ae) throw notFoundError("Adverse event");
    if (!needsRemsReport({ serious: ae.serious, settingType: ae.site.settingType }))
      throw new HttpError(409, "NOT_REPORTABLE", "This event is not serious: the REMS asks for serious events only at an outpatient setting.");
    if (ae.reportedToRemsAt) throw new HttpError(409, "ALREADY_REPORTED", `This event was already reported to the REMS on ${localDate(ae.reportedToRemsAt, ae.site.timeZone)} (${ae.remsReference}).`);
    const problem = reportedDateProblem(input.reportedOn, localDate(ae.onsetAt, ae.site.timeZone), localDate(new Date(), ae.site.timeZone));
    if (problem) throw invalidInput({ reportedOn: [problem] });
    // The REMS gives a date, not a time: kept as midday UTC of that date (the same calendar date in the Americas and Europe).
    const reportedToRemsAt = new Date(`${input.reportedOn}T12:00:00Z`);
    const { count } = await tx.adverseEvent.updateMany({
      where: { id, version: input.version, reportedToRemsAt: null },
      data: { reportedToRemsAt, remsReference: input.reference, version: { increment: 1 } },
    });
    if (!count) throw conflictError("adverse event");
    await appendAudit(tx, { actor, action: "adverse_event.reported_to_rems", entityType: "AdverseEvent", entityId: id, siteId: ae.siteId, patientId: ae.patientId,
      before: { reportedToRemsAt: null, remsReference: null }, after: { reportedOn: input.reportedOn, remsReference: input.reference } });
    return { id };
  });
}

export const AE_CSV_HEADER = ["onset", "site", "patient", "mrn", "sessionId", "type", "serious", "description", "interventions", "spo2Nadir", "outcome", "resolved", "reportToRems", "reportedToRemsOn", "remsReference"];

/** The filtered log a page at a time (keyset on id), for the CSV. */
async function* aeRows(siteIds: string[], q: AeLogQuery, pageSize: number): AsyncGenerator<AeLogRow> {
  let afterId: string | undefined;
  for (;;) {
    const page = await db().adverseEvent.findMany({ where: { ...where(siteIds, q), ...(afterId ? { id: { gt: afterId } } : {}) }, orderBy: { id: "asc" }, take: pageSize, select });
    if (!page.length) return;
    afterId = page[page.length - 1].id;
    for (const r of page.map(toDto).filter(inRange(q))) yield r;
  }
}

/** About how many rows the CSV will have (the date margin may count a few more): the download's progress bar. */
export const aeCount = (siteIds: string[], q: AeLogQuery) => db().adverseEvent.count({ where: where(siteIds, q) });

export function aeCsvStream(siteIds: string[], q: AeLogQuery, pageSize = 1000): ReadableStream<Uint8Array> {
  return csvFromRows(AE_CSV_HEADER, aeRows(siteIds, q, pageSize), (r) => [
    r.onset, r.site, r.patient, r.mrn, r.sessionId, r.type, r.serious, r.description, r.interventions, r.spo2Nadir, r.outcome, r.resolved,
    r.needsReport ? (r.reportOpen ? "open" : "done") : "not required", r.reportedOn, r.remsReference,
  ], pageSize);
}
