import "server-only";
import { db, Prisma, transaction, type Tx } from "@/lib/db/client";
import { serverNow } from "@/lib/clock";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { HttpError } from "@/lib/http/errors";
import type { z } from "zod";
import { conflictError, invalidInput } from "@/lib/http/errors";
import { ADULT_MESSAGE, adultOn } from "./age-rules";
import { counsellingCompleteAt, enrollmentComplete } from "./enrollment-rules";
import type { EditPatient, newPatientSchema } from "./schema";
import { dateOnly } from "@/lib/time/days";

export const PAGE_SIZE = 20;
/** Counting every match of a broad search at 100 000 patients costs more than it tells: past this, "more than". */
export const COUNT_CAP = 1000;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Each word of the search must appear in the name ("last first", so "Casey Riv" and "rivera" both work)
 * or in the MRN. The expressions are exactly those of the trigram indexes in the first migration.
 */
function searchWhere(siteIds: string[], q: string | undefined): Prisma.Sql {
  const parts = [Prisma.sql`p."siteId" = ANY(${siteIds}::text[]) AND p."archivedAt" IS NULL`];
  for (const word of (q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5)) {
    const pattern = `%${escapeLike(word)}%`;
    parts.push(Prisma.sql`(lower(p."lastName" || ' ' || p."firstName") LIKE ${pattern} OR lower(p."mrn") LIKE ${pattern})`);
  }
  return Prisma.join(parts, " AND ");
}

export type PatientRow = {
  id: string;
  mrn: string;
  name: string;
  birthDate: string;
  siteName: string;
  settingType: "OUTPATIENT" | "INPATIENT";
  indication: string | null;
  enrollment: "enrolled" | "not_enrolled" | "not_required";
  contraindications: number;
  cautions: number;
  lastSessionDate: string | null;
};

export async function listPatients(siteIds: string[], q: string | undefined, page: number) {
  const where = searchWhere(siteIds, q);
  const [{ count }] = await db().$queryRaw<
    { count: bigint }[]
  >`SELECT count(*) AS count FROM (SELECT 1 FROM "Patient" p WHERE ${where} LIMIT ${COUNT_CAP + 1}) m`;
  const total = Number(count);
  const pageCount = Math.max(1, Math.ceil(Math.min(total, COUNT_CAP) / PAGE_SIZE));
  const current = Math.min(page, total > COUNT_CAP ? page : pageCount);
  // The page's ids in name order, each with its latest treatment date (one index probe per patient of the page:
  // Prisma's nested `take: 1` would read every session of those patients).
  const ids = await db().$queryRaw<{ id: string; lastSessionDate: Date | null }[]>`SELECT pg.id, last.d AS "lastSessionDate"
    FROM (SELECT p.id, p."lastName", p."firstName" FROM "Patient" p WHERE ${where}
      ORDER BY p."lastName", p."firstName", p.id LIMIT ${PAGE_SIZE} OFFSET ${(current - 1) * PAGE_SIZE}) pg
    CROSS JOIN LATERAL (SELECT max(s."treatmentDate") AS d FROM "TreatmentSession" s WHERE s."patientId" = pg.id) last
    ORDER BY pg."lastName", pg."firstName", pg.id`;
  const rows = await db().patient.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    select: {
      id: true,
      mrn: true,
      firstName: true,
      lastName: true,
      birthDate: true,
      indication: true,
      site: { select: { name: true, settingType: true } },
      // R6 complete (lib/patients/enrollment-rules enrollmentComplete), on the current row only.
      enrollments: {
        where: {
          supersededBy: { is: null },
          submittedAt: { not: null },
          patientSignedAt: { not: null },
          prescriberSignedAt: { not: null },
          channel: { not: null },
          remsConfirmation: { not: null },
        },
        select: { id: true },
        take: 1,
      },
      flags: { where: { removedAt: null }, select: { category: true } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const list: PatientRow[] = ids
    .map(({ id, lastSessionDate }) => ({ r: byId.get(id)!, lastSessionDate }))
    .filter(({ r }) => !!r)
    .map(({ r, lastSessionDate }) => ({
      id: r.id,
      mrn: r.mrn,
      name: `${r.lastName}, ${r.firstName}`,
      birthDate: dateOnly(r.birthDate),
      siteName: r.site.name,
      settingType: r.site.settingType,
      indication: r.indication,
      enrollment: r.site.settingType === "INPATIENT" ? "not_required" : r.enrollments.length ? "enrolled" : "not_enrolled",
      contraindications: r.flags.filter((f) => f.category === "CONTRAINDICATION").length,
      cautions: r.flags.filter((f) => f.category === "CAUTION").length,
      lastSessionDate: lastSessionDate ? dateOnly(lastSessionDate) : null,
    }));
  return { rows: list, total, capped: total > COUNT_CAP, page: current, pageCount, pageSize: PAGE_SIZE };
}

/** The patient's site, for authorization before anything else is read. */
export async function patientSite(id: string): Promise<string | null> {
  return (await db().patient.findUnique({ where: { id }, select: { siteId: true } }))?.siteId ?? null;
}

export async function patientDetail(id: string) {
  const p = await db().patient.findUnique({
    where: { id },
    select: {
      id: true,
      mrn: true,
      firstName: true,
      middleInitial: true,
      lastName: true,
      birthDate: true,
      sex: true,
      phone: true,
      email: true,
      indication: true,
      primaryPayerType: true,
      version: true,
      site: { select: { id: true, name: true, settingType: true, timeZone: true } },
      enrollments: {
        where: { supersededBy: { is: null } },
        take: 1,
        select: { patientSignedAt: true, prescriberSignedAt: true, submittedAt: true, channel: true, remsConfirmation: true },
      },
      counselling: { select: { counselledAt: true, topics: true } },
      flags: { where: { removedAt: null }, orderBy: { recordedAt: "asc" }, select: { id: true, category: true, kind: true, note: true, recordedAt: true } },
      medications: { where: { stoppedOn: null }, orderBy: { name: "asc" }, select: { id: true, name: true, drugClass: true } },
      sessions: {
        orderBy: [{ treatmentDate: "desc" }, { createdAt: "desc" }],
        take: 100,
        select: {
          id: true,
          treatmentDate: true,
          status: true,
          plannedDoseMg: true,
          endOfMonitoringAt: true,
          cancelledReason: true,
          backEntryReason: true,
          devices: { where: { enteredInErrorAt: null }, orderBy: { administeredAt: "asc" }, take: 1, select: { administeredAt: true } },
          monitoringForms: { where: { amendedBy: null }, select: { status: true, fields: true }, take: 1 },
        },
      },
    },
  });
  if (!p) return null;
  const e = p.enrollments[0];
  const enrolled = enrollmentComplete(e ?? null);
  return {
    ...p,
    birthDate: dateOnly(p.birthDate),
    enrollment: e ?? null,
    enrolled,
    enrollmentRequired: p.site.settingType === "OUTPATIENT",
    counselledAt: counsellingCompleteAt(p.counselling),
    sessions: p.sessions.map((s) => {
      const t0 = s.devices[0]?.administeredAt ?? null;
      const pmf = s.monitoringForms[0];
      const fields = (pmf?.fields ?? {}) as Record<string, unknown>;
      return {
        id: s.id,
        treatmentDate: s.treatmentDate ? dateOnly(s.treatmentDate) : null,
        status: s.status,
        doseMg: s.plannedDoseMg,
        notDosedReason: s.status === "NOT_DOSED" ? s.cancelledReason : null,
        backEntryReason: s.backEntryReason,
        monitoringMinutes: t0 && s.endOfMonitoringAt ? Math.floor((s.endOfMonitoringAt.getTime() - t0.getTime()) / 60_000) : null,
        fortyMinuteBp: (fields["bp.post40min"] as string | undefined) ?? null,
        pmfStatus: pmf?.status ?? null,
      };
    }),
  };
}
export type PatientDetail = NonNullable<Awaited<ReturnType<typeof patientDetail>>>;

/** The exact adult check, on the site's calendar day (the schema can only bound it by the latest day on Earth). */
async function requireAdult(tx: Tx, siteId: string, birthDate: string) {
  const site = await tx.site.findUnique({ where: { id: siteId }, select: { timeZone: true } });
  if (site && !adultOn(birthDate, serverNow(), site.timeZone)) throw invalidInput({ birthDate: [ADULT_MESSAGE] });
}

export async function createPatient(actor: NonNullable<AuditActor>, input: z.output<typeof newPatientSchema>) {
  try {
    return await transaction(async (tx) => {
      await requireAdult(tx, input.siteId, input.birthDate);
      const p = await tx.patient.create({
        data: {
          siteId: input.siteId,
          mrn: input.mrn,
          firstName: input.firstName,
          middleInitial: input.middleInitial || null,
          lastName: input.lastName,
          birthDate: new Date(`${input.birthDate}T00:00:00Z`),
          sex: input.sex,
          phone: input.phone || null,
          email: input.email || null,
          indication: input.indication,
          primaryPayerType: input.primaryPayerType || null,
        },
        select: { id: true },
      });
      await appendAudit(tx, { actor, action: "patient.create", entityType: "Patient", entityId: p.id, siteId: input.siteId, patientId: p.id, after: input });
      return p;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw duplicateMrn();
    throw e;
  }
}

const duplicateMrn = () =>
  new HttpError(409, "DUPLICATE", "A patient with this medical record number already exists at this site.", {
    mrn: ["This medical record number is already in use at this site"],
  });

const DEMOGRAPHICS = ["mrn", "firstName", "middleInitial", "lastName", "birthDate", "sex", "phone", "email", "indication", "primaryPayerType"] as const;

/**
 * Edits a registered patient's demographics. The version read by the form must still be the row's
 * (409 otherwise, nothing saved); one audit row lists each changed field, old → new.
 */
export async function updatePatient(
  actor: NonNullable<AuditActor>,
  id: string,
  input: EditPatient,
): Promise<{ id: string; version: number; changed: string[] }> {
  try {
    return await transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Patient" WHERE id = ${id} FOR UPDATE`;
      if (!rows.length) throw new HttpError(404, "NOT_FOUND", "Patient not found.");
      const p = await tx.patient.findUniqueOrThrow({
        where: { id },
        select: {
          siteId: true,
          version: true,
          mrn: true,
          firstName: true,
          middleInitial: true,
          lastName: true,
          birthDate: true,
          sex: true,
          phone: true,
          email: true,
          indication: true,
          primaryPayerType: true,
        },
      });
      if (p.version !== input.version) throw conflictError("patient");
      const current: Record<(typeof DEMOGRAPHICS)[number], string> = {
        mrn: p.mrn,
        firstName: p.firstName,
        middleInitial: p.middleInitial ?? "",
        lastName: p.lastName,
        birthDate: dateOnly(p.birthDate),
        sex: p.sex,
        phone: p.phone ?? "",
        email: p.email ?? "",
        indication: p.indication ?? "",
        primaryPayerType: p.primaryPayerType ?? "",
      };
      const changed = DEMOGRAPHICS.filter((k) => current[k] !== input[k]);
      if (changed.includes("birthDate")) await requireAdult(tx, p.siteId, input.birthDate);
      if (!changed.length) return { id, version: p.version, changed };
      const updated = await tx.patient.update({
        where: { id },
        data: {
          mrn: input.mrn,
          firstName: input.firstName,
          middleInitial: input.middleInitial || null,
          lastName: input.lastName,
          birthDate: new Date(`${input.birthDate}T00:00:00Z`),
          sex: input.sex,
          phone: input.phone || null,
          email: input.email || null,
          indication: input.indication,
          primaryPayerType: input.primaryPayerType || null,
          version: { increment: 1 },
        },
        select: { version: true },
      });
      await appendAudit(tx, {
        actor,
        action: "patient.update",
        entityType: "Patient",
        entityId: id,
        siteId: p.siteId,
        patientId: id,
        before: Object.fromEntries(changed.map((k) => [k, current[k] || null])),
        after: Object.fromEntries(changed.map((k) => [k, input[k] || null])),
      });
      return { id, version: updated.version, changed };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw duplicateMrn();
    throw e;
  }
}

/** The sites a user may choose when registering a patient. */
export const siteChoices = (siteIds: string[]) =>
  db().site.findMany({ where: { id: { in: siteIds }, deactivatedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
