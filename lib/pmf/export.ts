import "server-only";
import { db } from "@/lib/db/client";
import { CsvText, csvFromRows } from "@/lib/reports/csv";
import { pmfFieldsCsv } from "./fields-csv";
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

type FormRow = {
  id: string;
  sessionId: string;
  formVersion: string;
  status: string;
  dueDate: Date;
  submittedAt: Date | null;
  channel: string | null;
  confirmation: string | null;
  fields: unknown;
  fieldsCsv: string | null;
  amendmentReason: string | null;
  amendsId: string | null;
  amendsSubmittedAt: Date | null;
  amendsConfirmation: string | null;
};

/**
 * The PMFs of a site and treatment-date range, a page at a time (keyset on id), so 10 000 forms are
 * never in memory together. Originals that were amended are left out: the amendment stands for them.
 * One SQL statement per page (issue 14 §5): the session filter, the "current form" rule of `currentForm` and the
 * amended original's submission (a left join) in the database, instead of a relation query plus a second query.
 */
export function pmfForms(filter: PmfExportFilter, pageSize = 2000, onPage?: (rowsSoFar: number) => void): AsyncGenerator<PrintablePmf> {
  return forms(filter, pageSize, onPage, false);
}

/** `csv`: the stored CSV cells (fieldsCsv) instead of the fields, which are then read only for forms stored without them. */
function forms(
  filter: PmfExportFilter,
  pageSize: number,
  onPage: ((rowsSoFar: number) => void) | undefined,
  csv: true,
): AsyncGenerator<PrintablePmf & { fieldsCsv: string }>;
function forms(filter: PmfExportFilter, pageSize: number, onPage: ((rowsSoFar: number) => void) | undefined, csv: false): AsyncGenerator<PrintablePmf>;
async function* forms(
  filter: PmfExportFilter,
  pageSize: number,
  onPage: ((rowsSoFar: number) => void) | undefined,
  csv: boolean,
): AsyncGenerator<PrintablePmf & { fieldsCsv?: string }> {
  let afterId: string | null = null;
  let rows = 0;
  const from = new Date(`${filter.from}T00:00:00Z`),
    to = new Date(`${filter.to}T00:00:00Z`);
  const status = filter.status ?? null;
  const { timeZone } = await db().site.findUniqueOrThrow({ where: { id: filter.siteId }, select: { timeZone: true } });
  for (;;) {
    const page: FormRow[] = await db().$queryRaw<FormRow[]>`
      SELECT f.id, f."sessionId", f."formVersion", f.status::text AS status, f."dueDate", f."submittedAt", f.channel::text AS channel, f.confirmation,
        CASE WHEN ${csv} AND f."fieldsCsv" IS NOT NULL THEN NULL ELSE f.fields END AS fields, CASE WHEN ${csv} THEN f."fieldsCsv" END AS "fieldsCsv",
        f."amendmentReason", f."amendsId", o."submittedAt" AS "amendsSubmittedAt", o.confirmation AS "amendsConfirmation"
      FROM "PatientMonitoringForm" f
      JOIN "TreatmentSession" s ON s.id = f."sessionId"
      LEFT JOIN "PatientMonitoringForm" o ON o.id = f."amendsId"
      WHERE s."siteId" = ${filter.siteId} AND s."treatmentDate" >= ${from}::date AND s."treatmentDate" <= ${to}::date
        AND (${status}::text IS NULL OR f.status::text = ${status}::text)
        AND NOT EXISTS (SELECT 1 FROM "PatientMonitoringForm" a WHERE a."amendsId" = f.id AND (${status}::text IS NULL OR a.status::text = ${status}::text))
        AND (${afterId}::text IS NULL OR f.id > ${afterId}::text)
      ORDER BY f.id
      LIMIT ${pageSize}`;
    if (!page.length) return;
    rows += page.length;
    onPage?.(rows);
    afterId = page[page.length - 1].id;
    for (const p of page) {
      const amends = p.amendsId ? { id: p.amendsId, submittedAt: p.amendsSubmittedAt, confirmation: p.amendsConfirmation } : null;
      yield {
        sessionId: p.sessionId,
        formVersion: p.formVersion,
        status: p.status,
        timeZone,
        dueDate: dateOnly(p.dueDate),
        submittedAt: p.submittedAt,
        channel: p.channel,
        confirmation: p.confirmation,
        fields: (p.fields ?? {}) as Record<string, unknown>,
        links: amendmentNotes({ amendmentReason: p.amendmentReason, amends }, timeZone),
        ...(csv ? { fieldsCsv: p.fieldsCsv ?? pmfFieldsCsv(p.fields) } : {}),
      };
    }
  }
}

/** How many forms the export will hold (the download's progress). */
export const pmfFormCount = (filter: PmfExportFilter) =>
  db().patientMonitoringForm.count({
    where: {
      session: { siteId: filter.siteId, treatmentDate: { gte: new Date(`${filter.from}T00:00:00Z`), lte: new Date(`${filter.to}T00:00:00Z`) } },
      ...currentForm(filter.status),
    },
  });

/** CSV: one row per form, one column per field (the field cells as stored with the form, issue 14 §5). */
export function pmfCsvStream(filter: PmfExportFilter, pageSize = 2000): ReadableStream<Uint8Array> {
  return csvFromRows(
    PMF_CSV_HEADER,
    forms(filter, pageSize, undefined, true),
    (p) => [p.sessionId, p.formVersion, p.status, p.dueDate, p.submittedAt, p.channel, p.confirmation, new CsvText(p.fieldsCsv)],
    pageSize,
  );
}
