import "server-only";
import type { z } from "zod";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { db, transaction, type Prisma } from "@/lib/db/client";
import { HttpError, invalidInput, notFoundError } from "@/lib/http/errors";
import { csvFromRows } from "@/lib/reports/csv";
import { DEVICE_MG } from "@/lib/sessions/device-rules";
import { billingSummary, type BillableSession, type BillingCodeRow, type BillingLine, type BillingSummary, type PayerType } from "./rules";
import type { billingCodeSchema, BillingExportQuery, endBillingCodeSchema } from "./schema";
import { addDays, dateOnly, siteDay, startOfDay } from "@/lib/time/days";

const day = (d: Date | null) => (d ? dateOnly(d) : null);

export type BillingCodeDto = BillingCodeRow & { id: string; note: string | null; createdAt: string };

/** The whole code table, newest first within each code (a few dozen rows at most). */
export async function billingCodeTable(): Promise<BillingCodeDto[]> {
  const rows = await db().billingCode.findMany({ orderBy: [{ code: "asc" }, { effectiveFrom: "desc" }] });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    description: r.description,
    kind: r.kind,
    payerTypes: r.payerTypes,
    minDoseMg: r.minDoseMg,
    maxDoseMg: r.maxDoseMg,
    unitMg: r.unitMg,
    effectiveFrom: day(r.effectiveFrom)!,
    effectiveTo: day(r.effectiveTo),
    notWith: r.notWith,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function addBillingCode(actor: NonNullable<AuditActor>, input: z.output<typeof billingCodeSchema>): Promise<{ id: string }> {
  return transaction(async (tx) => {
    // The same code may not be in force twice on one day for the same payer type: the lines would double.
    const overlapping = await tx.billingCode.findFirst({
      where: {
        code: input.code,
        payerTypes: { hasSome: input.payerTypes },
        ...(input.effectiveTo ? { effectiveFrom: { lte: new Date(input.effectiveTo) } } : {}),
        OR: [{ effectiveTo: null }, { effectiveTo: { gte: new Date(input.effectiveFrom) } }],
      },
    });
    if (overlapping)
      throw invalidInput({
        effectiveFrom: [
          `${input.code} is already in force for these payers from ${day(overlapping.effectiveFrom)}${overlapping.effectiveTo ? ` to ${day(overlapping.effectiveTo)}` : ""}: end that row first`,
        ],
      });
    const row = await tx.billingCode.create({
      data: {
        code: input.code,
        description: input.description,
        kind: input.kind,
        payerTypes: input.payerTypes,
        minDoseMg: input.minDoseMg ?? null,
        maxDoseMg: input.maxDoseMg ?? null,
        unitMg: input.kind === "DRUG" ? (input.unitMg ?? null) : null,
        effectiveFrom: new Date(input.effectiveFrom),
        effectiveTo: input.effectiveTo ? new Date(input.effectiveTo) : null,
        notWith: input.notWith,
        note: input.note || null,
        createdById: actor.id,
      },
    });
    await appendAudit(tx, { actor, action: "billing_code.create", entityType: "BillingCode", entityId: row.id, before: null, after: { ...input } });
    return { id: row.id };
  });
}

/** Gives a row its last day in force. The row stays: past sessions keep billing with the code of their day. */
export async function endBillingCode(actor: NonNullable<AuditActor>, id: string, input: z.output<typeof endBillingCodeSchema>): Promise<{ id: string }> {
  return transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { effectiveFrom: Date; effectiveTo: Date | null }[]
    >`SELECT "effectiveFrom", "effectiveTo" FROM "BillingCode" WHERE id = ${id} FOR UPDATE`;
    if (!row) throw notFoundError("Billing code");
    if (row.effectiveTo) throw new HttpError(409, "ALREADY_ENDED", `This row already ends on ${day(row.effectiveTo)}. Add a new row for a change.`);
    if (input.effectiveTo < day(row.effectiveFrom)!)
      throw invalidInput({ effectiveTo: [`The last day cannot be before its first day (${day(row.effectiveFrom)})`] });
    await tx.billingCode.update({ where: { id }, data: { effectiveTo: new Date(input.effectiveTo) } });
    await appendAudit(tx, {
      actor,
      action: "billing_code.end",
      entityType: "BillingCode",
      entityId: id,
      reason: input.reason,
      before: { effectiveTo: null },
      after: { effectiveTo: input.effectiveTo },
    });
    return { id };
  });
}

const sessionSelect = {
  id: true,
  siteId: true,
  checkedInAt: true,
  plannedDoseMg: true,
  site: { select: { name: true, timeZone: true } },
  patient: { select: { mrn: true, firstName: true, lastName: true, primaryPayerType: true } },
  monitoringHcp: { select: { firstName: true, lastName: true } },
  prescriberOnSite: { select: { firstName: true, lastName: true } },
  devices: { where: { enteredInErrorAt: null }, select: { administeredAt: true }, orderBy: { administeredAt: "asc" } },
} as const satisfies Prisma.TreatmentSessionSelect;
type SessionRow = Prisma.TreatmentSessionGetPayload<{ select: typeof sessionSelect }>;

const person = (p: { firstName: string; lastName: string } | null) => (p ? `${p.firstName} ${p.lastName}` : null);

function billable(s: SessionRow): BillableSession & { payerType: PayerType | null } {
  const first = s.devices[0]?.administeredAt ?? s.checkedInAt;
  return {
    dateOfService: first ? siteDay(first, s.site.timeZone) : "",
    doseGivenMg: s.devices.length * DEVICE_MG,
    plannedDoseMg: s.plannedDoseMg,
    payerType: s.patient.primaryPayerType,
    renderingClinician: person(s.monitoringHcp),
    supervisingClinician: person(s.prescriberOnSite),
  };
}

export type SessionBilling = BillingSummary & { payerType: PayerType | null; dateOfService: string; doseGivenMg: number };

/** The billing summary of one session, as the export computes it. */
export async function sessionBilling(sessionId: string): Promise<SessionBilling | null> {
  const [s, table] = await Promise.all([db().treatmentSession.findUnique({ where: { id: sessionId }, select: sessionSelect }), billingCodeTable()]);
  if (!s) return null;
  const b = billable(s);
  return { ...billingSummary(b, table), payerType: b.payerType, dateOfService: b.dateOfService, doseGivenMg: b.doseGivenMg };
}

// Sessions whose first device was given in the range, in the site's calendar: selected by instant with the day's bounds.
async function rangeWhere(siteId: string, q: BillingExportQuery): Promise<Prisma.TreatmentSessionWhereInput> {
  const site = await db().site.findUnique({ where: { id: siteId }, select: { timeZone: true } });
  if (!site) throw notFoundError("Site");
  const from = startOfDay(q.from, site.timeZone),
    to = startOfDay(addDays(q.to, 1), site.timeZone);
  return { siteId, devices: { some: { enteredInErrorAt: null, administeredAt: { gte: from, lt: to } } } };
}

export const BILLING_CSV_HEADER = [
  "dateOfService",
  "site",
  "sessionId",
  "patient",
  "mrn",
  "payerType",
  "code",
  "description",
  "units",
  "doseMg",
  "renderingClinician",
  "supervisingClinician",
  "flags",
];

/** How many sessions the export covers (the download's progress). */
export async function billingSessionCount(siteIds: string[], q: BillingExportQuery): Promise<number> {
  let n = 0;
  for (const siteId of siteIds) n += await db().treatmentSession.count({ where: await rangeWhere(siteId, q) });
  return n;
}

export type BillingRow = { sessionId: string; site: string; patient: string; mrn: string; session: BillableSession; line: BillingLine | null; flags: string[] };

/** Every billing line of the sites' sessions in the range, a page of sessions at a time; a session with nothing billable yields one row without a line, so the billing office sees why. */
export async function* billingRows(siteIds: string[], q: BillingExportQuery, pageSize = 500): AsyncGenerator<BillingRow> {
  const table = await billingCodeTable();
  for (const siteId of [...siteIds].sort()) {
    const where = await rangeWhere(siteId, q);
    let afterId: string | undefined;
    for (;;) {
      const page = await db().treatmentSession.findMany({
        where: { ...where, ...(afterId ? { id: { gt: afterId } } : {}) },
        orderBy: { id: "asc" },
        take: pageSize,
        select: sessionSelect,
      });
      if (!page.length) break;
      afterId = page[page.length - 1].id;
      for (const s of page) {
        const b = billable(s);
        if (b.dateOfService < q.from || b.dateOfService > q.to) continue;
        const { lines, flags } = billingSummary(b, table);
        const row = { sessionId: s.id, site: s.site.name, patient: `${s.patient.lastName}, ${s.patient.firstName}`, mrn: s.patient.mrn, session: b, flags };
        if (!lines.length) yield { ...row, line: null };
        for (const line of lines) yield { ...row, line };
      }
    }
  }
}

/** The billing CSV: streamed, formula-neutralised (lib/reports/csv). */
export function billingCsvStream(siteIds: string[], q: BillingExportQuery): ReadableStream<Uint8Array> {
  return csvFromRows(BILLING_CSV_HEADER, billingRows(siteIds, q), (r) => [
    r.session.dateOfService,
    r.site,
    r.sessionId,
    r.patient,
    r.mrn,
    r.session.payerType ?? "",
    r.line?.code ?? "",
    r.line?.description ?? "",
    r.line?.units ?? "",
    r.session.doseGivenMg,
    r.session.renderingClinician ?? "",
    r.session.supervisingClinician ?? "",
    r.flags.join(" | "),
  ]);
}
