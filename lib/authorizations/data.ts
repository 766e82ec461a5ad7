import "server-only";
// Prior authorizations: recorded per patient by prescribers and administrators; sessions used are counted
// from the record (dosing sessions between the dates), never typed in.
import { serverNow } from "@/lib/clock";
import { db, transaction, type Tx } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { notFoundError } from "@/lib/http/errors";
import { describePhases, renewalDue, sessionsUsed, type AuthorizationFacts, type Phase } from "./rules";
import type { PriorAuthorization } from "./schema";
import { dateOnly, siteDay } from "@/lib/time/days";

type Actor = NonNullable<AuditActor>;
const day = (d: Date) => dateOnly(d); // a @db.Date column is midnight UTC of its calendar day
const asDate = (s: string) => new Date(`${s}T00:00:00Z`);

/** Statuses of a session in which the patient was dosed (a device was given). */
export const DOSED_STATUSES = ["DOSING", "MONITORING", "DISCHARGED", "EMERGENCY_TRANSFER"] as const;

export async function recordAuthorization(actor: Actor, patientId: string, input: PriorAuthorization) {
  return transaction(async (tx) => {
    const patient = await tx.patient.findUnique({ where: { id: patientId }, select: { siteId: true } });
    if (!patient) throw notFoundError("Patient");
    const row = await tx.priorAuthorization.create({
      data: {
        patientId,
        siteId: patient.siteId,
        payerName: input.payerName,
        reference: input.reference,
        startDate: asDate(input.startDate),
        endDate: asDate(input.endDate),
        phases: input.phases,
        sessionsApproved: input.sessionsApproved,
        note: input.note || null,
        recordedById: actor.id,
      },
      select: { id: true },
    });
    await appendAudit(tx, {
      actor,
      action: "authorization.record",
      entityType: "PriorAuthorization",
      entityId: row.id,
      siteId: patient.siteId,
      patientId,
      after: input,
    });
    return row;
  });
}

export const toFacts = (a: {
  id: string;
  payerName: string;
  reference: string;
  startDate: Date;
  endDate: Date;
  phases: unknown;
  sessionsApproved: number;
}): AuthorizationFacts => ({
  id: a.id,
  payerName: a.payerName,
  reference: a.reference,
  startDate: day(a.startDate),
  endDate: day(a.endDate),
  phases: a.phases as Phase[],
  sessionsApproved: a.sessionsApproved,
});

/** Each patient's dosing days (site-local treatment dates). */
export async function dosedDays(patientIds: string[], client: Tx | ReturnType<typeof db> = db()): Promise<Map<string, string[]>> {
  const rows = await client.treatmentSession.findMany({
    where: { patientId: { in: patientIds }, status: { in: [...DOSED_STATUSES] }, treatmentDate: { not: null } },
    select: { patientId: true, treatmentDate: true },
  });
  const out = new Map<string, string[]>();
  for (const r of rows) (out.get(r.patientId) ?? out.set(r.patientId, []).get(r.patientId)!).push(day(r.treatmentDate!));
  return out;
}

/** Each patient's booked days (live appointments not yet checked in). */
async function bookedDays(patientIds: string[]): Promise<Map<string, string[]>> {
  const rows = await db().appointment.findMany({ where: { patientId: { in: patientIds }, status: "BOOKED" }, select: { patientId: true, localDate: true } });
  const out = new Map<string, string[]>();
  for (const r of rows) (out.get(r.patientId) ?? out.set(r.patientId, []).get(r.patientId)!).push(day(r.localDate));
  return out;
}

export type AuthorizationRow = {
  id: string;
  payerName: string;
  reference: string;
  startDate: string;
  endDate: string;
  frequency: string;
  sessionsApproved: number;
  sessionsUsed: number;
  sessionsBooked: number;
  sessionsLeft: number;
  note: string | null;
  state: "current" | "upcoming" | "ended";
  renewal: string[];
};

/** A patient's authorizations, newest first, with sessions used (from the record), booked and left. */
export async function authorizationsFor(patientId: string): Promise<{ timeZone: string; today: string; rows: AuthorizationRow[] } | null> {
  const p = await db().patient.findUnique({ where: { id: patientId }, select: { site: { select: { timeZone: true } } } });
  if (!p) return null;
  const today = siteDay(serverNow(), p.site.timeZone);
  const list = await db().priorAuthorization.findMany({ where: { patientId }, orderBy: [{ endDate: "desc" }, { createdAt: "desc" }] });
  const dosed = (await dosedDays([patientId])).get(patientId) ?? [];
  const booked = (await bookedDays([patientId])).get(patientId) ?? [];
  return {
    timeZone: p.site.timeZone,
    today,
    rows: list.map((a) => {
      const f = toFacts(a);
      const used = sessionsUsed(f, dosed);
      const r = renewalDue(f, today, dosed);
      return {
        id: a.id,
        payerName: a.payerName,
        reference: a.reference,
        startDate: f.startDate,
        endDate: f.endDate,
        frequency: describePhases(f.phases),
        sessionsApproved: a.sessionsApproved,
        sessionsUsed: used,
        sessionsBooked: sessionsUsed(f, booked),
        sessionsLeft: Math.max(0, a.sessionsApproved - used),
        note: a.note,
        state: f.endDate < today ? "ended" : f.startDate > today ? "upcoming" : "current",
        renewal: r.reasons,
      };
    }),
  };
}

export type RenewalRow = AuthorizationRow & { patientId: string; patientName: string; mrn: string; siteName: string };

/** Authorizations at these sites that end within 14 days or have ≤ 2 sessions left (not yet ended), soonest first. */
export async function renewalList(siteIds: string[]): Promise<RenewalRow[]> {
  const now = serverNow();
  const earliest = new Date(now.getTime() - 2 * 86_400_000); // any zone's today is after this
  const list = await db().priorAuthorization.findMany({
    where: { siteId: { in: siteIds }, endDate: { gte: earliest } },
    include: { patient: { select: { firstName: true, lastName: true, mrn: true } }, site: { select: { name: true, timeZone: true } } },
    orderBy: [{ endDate: "asc" }, { id: "asc" }],
  });
  const ids = [...new Set(list.map((a) => a.patientId))];
  const [dosed, booked] = await Promise.all([dosedDays(ids), bookedDays(ids)]);
  const out: RenewalRow[] = [];
  for (const a of list) {
    const f = toFacts(a);
    const today = siteDay(now, a.site.timeZone);
    const used = dosed.get(a.patientId) ?? [];
    const r = renewalDue(f, today, used);
    if (!r.due) continue;
    out.push({
      id: a.id,
      payerName: a.payerName,
      reference: a.reference,
      startDate: f.startDate,
      endDate: f.endDate,
      frequency: describePhases(f.phases),
      sessionsApproved: a.sessionsApproved,
      sessionsUsed: sessionsUsed(f, used),
      sessionsBooked: sessionsUsed(f, booked.get(a.patientId) ?? []),
      sessionsLeft: r.sessionsLeft,
      note: a.note,
      state: f.startDate > today ? "upcoming" : "current",
      renewal: r.reasons,
      patientId: a.patientId,
      patientName: `${a.patient.lastName}, ${a.patient.firstName}`,
      mrn: a.patient.mrn,
      siteName: a.site.name,
    });
  }
  return out;
}
