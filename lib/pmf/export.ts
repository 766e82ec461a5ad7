import "server-only";
import { db } from "@/lib/db/client";
import { csvFromRows } from "@/lib/reports/csv";
import { PMF_FIELD_KEYS } from "./field-keys";
import { amendmentNotes } from "./links";
import type { PrintablePmf } from "./pdf";
import { dateOnly } from "@/lib/time/days";

/**
 * One form per session: the latest one (an amendment stands for its original) — or, filtered by status,
 * the latest one with that status, so a submitted form stays in the submitted export while its amendment is a draft.
 */
const currentForm = (status?: PmfExportFilter["status"]) =>
  status ? { status, OR: [{ amendedBy: null }, { amendedBy: { status: { not: status } } }] } : { amendedBy: null };

export type PmfExportFilter = { siteId: string; from: string; to: string; status?: "DRAFT" | "READY" | "SUBMITTED" };

const META = ["sessionId", "formVersion", "status", "dueDate", "submittedAt", "channel", "confirmation"] as const;
export const PMF_CSV_HEADER = [...META, ...PMF_FIELD_KEYS];

/**
 * The PMFs of a site and treatment-date range, a page at a time (keyset on id), so 10 000 forms are
 * never in memory together. Originals that were amended are left out: the amendment stands for them.
 */
export async function* pmfForms(filter: PmfExportFilter, pageSize = 2000, onPage?: (rowsSoFar: number) => void): AsyncGenerator<PrintablePmf> {
  let afterId: string | undefined;
  let rows = 0;
  const { timeZone } = await db().site.findUniqueOrThrow({ where: { id: filter.siteId }, select: { timeZone: true } });
  for (;;) {
    const page = await db().patientMonitoringForm.findMany({
      where: {
        session: { siteId: filter.siteId, treatmentDate: { gte: new Date(`${filter.from}T00:00:00Z`), lte: new Date(`${filter.to}T00:00:00Z`) } },
        ...currentForm(filter.status),
        ...(afterId ? { id: { gt: afterId } } : {}),
      },
      orderBy: { id: "asc" },
      take: pageSize,
      select: { id: true, sessionId: true, formVersion: true, status: true, dueDate: true, submittedAt: true, channel: true, confirmation: true, fields: true,
        amendmentReason: true, amendsId: true },
    });
    if (!page.length) return;
    rows += page.length;
    onPage?.(rows);
    afterId = page[page.length - 1].id;
    // Amendments are rare: their originals are read in one query, only for the pages that hold one.
    const amendedIds = page.flatMap((p) => (p.amendsId ? [p.amendsId] : []));
    const originals = new Map(amendedIds.length
      ? (await db().patientMonitoringForm.findMany({ where: { id: { in: amendedIds } }, select: { id: true, submittedAt: true, confirmation: true } })).map((o) => [o.id, o])
      : []);
    for (const { amendsId, ...p } of page)
      yield { ...p, timeZone, dueDate: dateOnly(p.dueDate), fields: (p.fields ?? {}) as Record<string, unknown>, links: amendmentNotes({ ...p, amends: amendsId ? originals.get(amendsId) : null }, timeZone) };
  }
}

/** How many forms the export will hold (the download's progress). */
export const pmfFormCount = (filter: PmfExportFilter) => db().patientMonitoringForm.count({
  where: { session: { siteId: filter.siteId, treatmentDate: { gte: new Date(`${filter.from}T00:00:00Z`), lte: new Date(`${filter.to}T00:00:00Z`) } }, ...currentForm(filter.status) },
});

/** CSV: one row per form, one column per field. */
export function pmfCsvStream(filter: PmfExportFilter, pageSize = 2000): ReadableStream<Uint8Array> {
  return csvFromRows(PMF_CSV_HEADER, pmfForms(filter, pageSize), (p) =>
    [p.sessionId, p.formVersion, p.status, p.dueDate, p.submittedAt, p.channel, p.confirmation, ...PMF_FIELD_KEYS.map((k) => p.fields[k])], pageSize);
}
