import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { db, Prisma, transaction, type Tx } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { HttpError, notFoundError } from "@/lib/http/errors";
import { serverNow } from "@/lib/clock";
import { siteDay } from "@/lib/time/days";
import { checkEnrollment, enrollmentRow, writeEnrollments } from "./enrollment";
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, importRowSchema, type ImportRow } from "./import-schema";

type Actor = NonNullable<AuditActor>;
export type RowError = { line: number; field: string; message: string };
export type ImportCheck = {
  total: number;
  valid: number;
  errors: RowError[];
  errorCount: number;
  sample: Pick<ImportRow, "mrn" | "firstName" | "lastName" | "birthDate">[];
};
type Checked = { check: ImportCheck; rows: { line: number; row: ImportRow; prescriberId: string | null }[]; site: { id: string; timeZone: string } };

const MAX_LISTED = 500;
const normal = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, "");
const byAlias = new Map(IMPORT_COLUMNS.flatMap((c) => c.aliases.map((a) => [a, c.field] as const)));

/**
 * Reads and checks the whole file: the header, then every row with the new-patient schema, an MRN
 * unique in the file and at the site, and a prescriber who is a psychiatrist of the site. Saves nothing.
 */
async function checkFile(siteId: string, text: string): Promise<Checked> {
  const site = await db().site.findUnique({ where: { id: siteId }, select: { id: true, timeZone: true, deactivatedAt: true } });
  if (!site) throw notFoundError("Site");
  if (site.deactivatedAt) throw new HttpError(422, "SITE_DEACTIVATED", "This site has been deactivated: import its patients to an active site.");
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (e) {
    throw new HttpError(422, "CSV_UNREADABLE", `The file is not readable as CSV: ${(e as Error).message}`);
  }
  if (!records.length) throw new HttpError(422, "CSV_EMPTY", "The file is empty.");
  const [header, ...body] = records;
  const fields = header.map((h) => byAlias.get(normal(h)) ?? null);
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !fields.includes(c.field)).map((c) => c.header);
  if (missing.length)
    throw new HttpError(422, "CSV_HEADER", `The first line must name the columns; missing: ${missing.join(", ")}.`, {
      file: [`Missing columns: ${missing.join(", ")}`],
    });
  if (body.length > IMPORT_MAX_ROWS) throw new HttpError(413, "TOO_MANY_ROWS", `At most ${IMPORT_MAX_ROWS} patients a file; split it.`);

  const psychiatrists = new Map(
    (
      await db().user.findMany({
        where: { role: "PSYCHIATRIST", disabledAt: null, sites: { some: { siteId } } },
        select: { id: true, email: true },
      })
    ).map((u) => [u.email, u.id]),
  );
  const psychiatristIds = new Set(psychiatrists.values());
  const today = siteDay(serverNow(), site.timeZone);
  const taken = new Set((await db().patient.findMany({ where: { siteId }, select: { mrn: true } })).map((p) => p.mrn.toUpperCase()));
  const seen = new Map<string, number>();
  const errors: RowError[] = [];
  let errorCount = 0;
  const push = (e: RowError) => {
    errorCount++;
    if (errors.length < MAX_LISTED) errors.push(e);
  };
  const rows: Checked["rows"] = [];
  body.forEach((cells, i) => {
    const line = i + 2; // the header is line 1
    const raw: Record<string, string> = {};
    fields.forEach((f, j) => {
      if (f) raw[f] = cells[j] ?? "";
    });
    const r = importRowSchema.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) push({ line, field: String(issue.path[0] ?? "row"), message: issue.message });
      return;
    }
    const row = r.data;
    const key = row.mrn.toUpperCase();
    let ok = true;
    if (taken.has(key)) {
      push({ line, field: "mrn", message: "A patient with this MRN already exists at this site" });
      ok = false;
    } else if (seen.has(key)) {
      push({ line, field: "mrn", message: `The same MRN is on line ${seen.get(key)}` });
      ok = false;
    }
    seen.set(key, seen.get(key) ?? line);
    const prescriberId = row.prescriberEmail ? (psychiatrists.get(row.prescriberEmail) ?? null) : null;
    if (row.prescriberEmail && !prescriberId) {
      push({ line, field: "prescriberEmail", message: "No psychiatrist of this site has this email" });
      ok = false;
    } else if (prescriberId)
      // R6: the same checks as an enrollment recorded on the patient's page.
      for (const [field, messages] of Object.entries(checkEnrollment(enrollmentFields(row, prescriberId), { today, psychiatristIds })))
        for (const message of messages) {
          push({ line, field: ENROLLMENT_COLUMN[field] ?? field, message });
          ok = false;
        }
    if (ok) rows.push({ line, row, prescriberId });
  });
  const sample = rows.slice(0, 5).map(({ row: { mrn, firstName, lastName, birthDate } }) => ({ mrn, firstName, lastName, birthDate }));
  return { check: { total: body.length, valid: rows.length, errors, errorCount, sample }, rows, site: { id: site.id, timeZone: site.timeZone } };
}

/** The dry run: what an import of this file would do, with an error per row and field. */
export async function previewPatientImport(siteId: string, text: string): Promise<ImportCheck> {
  return (await checkFile(siteId, text)).check;
}

const CHUNK = 1000;

const ENROLLMENT_COLUMN: Record<string, keyof ImportRow> = {
  prescriberId: "prescriberEmail",
  patientSignedOn: "enrollmentPatientSigned",
  prescriberSignedOn: "enrollmentPrescriberSigned",
  submittedOn: "enrollmentSubmitted",
  channel: "enrollmentChannel",
  remsConfirmation: "enrollmentConfirmation",
};
const enrollmentFields = (row: ImportRow, prescriberId: string) => ({
  prescriberId,
  patientSignedOn: row.enrollmentPatientSigned,
  prescriberSignedOn: row.enrollmentPrescriberSigned,
  submittedOn: row.enrollmentSubmitted,
  channel: row.enrollmentChannel,
  remsConfirmation: row.enrollmentConfirmation,
});

/** Enrollment rows from an import, checked in checkFile by the enrollment command's own checks (R6) and written by its writer. */
async function recordImportedEnrollments(
  tx: Tx,
  actor: Actor,
  site: { id: string; timeZone: string },
  items: { patientId: string; prescriberId: string; row: ImportRow }[],
) {
  const now = serverNow();
  await writeEnrollments(
    tx,
    items.map(({ patientId, prescriberId, row }) =>
      enrollmentRow(enrollmentFields(row, prescriberId), { patientId, siteId: site.id, timeZone: site.timeZone }, { recordedById: actor.id, createdAt: now }),
    ),
  );
}

/**
 * All or nothing: any error in the file → 422 with the errors and nothing saved. Otherwise every patient
 * (and enrollment) in one transaction with one audit row. `onProgress` reports rows written so far.
 */
export async function importPatients(
  actor: Actor,
  siteId: string,
  text: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ imported: number; enrollments: number }> {
  const { check, rows, site } = await checkFile(siteId, text);
  if (check.errorCount || !rows.length)
    throw new HttpError(
      422,
      "IMPORT_INVALID",
      check.errorCount ? `${check.errorCount} problem${check.errorCount === 1 ? "" : "s"} in the file: nothing was imported.` : "The file has no patients.",
      {},
      check,
    );
  const total = rows.length;
  try {
    return await transaction(async (tx) => {
      const ids = rows.map(() => randomUUID());
      for (let i = 0; i < total; i += CHUNK) {
        await tx.patient.createMany({
          data: rows.slice(i, i + CHUNK).map(({ row }, k) => ({
            id: ids[i + k],
            siteId,
            mrn: row.mrn,
            firstName: row.firstName,
            middleInitial: row.middleInitial || null,
            lastName: row.lastName,
            birthDate: new Date(`${row.birthDate}T00:00:00Z`),
            sex: row.sex,
            phone: row.phone || null,
            indication: row.indication,
          })),
        });
        onProgress(Math.min(i + CHUNK, total), total);
      }
      const enrolled = rows.flatMap(({ row, prescriberId }, k) => (prescriberId ? [{ patientId: ids[k], prescriberId, row }] : []));
      await recordImportedEnrollments(tx, actor, site, enrolled);
      await appendAudit(tx, {
        actor,
        action: "patient.import",
        entityType: "Site",
        entityId: siteId,
        siteId,
        before: null,
        after: { imported: total, enrollments: enrolled.length, sha256: createHash("sha256").update(text).digest("hex"), mrns: rows.map((r) => r.row.mrn) },
      });
      return { imported: total, enrollments: enrolled.length };
    });
  } catch (e) {
    // Someone registered one of these MRNs while the file was being checked: the unique index decides.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new HttpError(409, "DUPLICATE", "A patient with one of these MRNs was registered meanwhile: nothing was imported. Check the file again.");
    throw e;
  }
}
