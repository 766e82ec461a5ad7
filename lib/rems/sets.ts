import "server-only";
import { serverNow } from "@/lib/clock";
import { db, Prisma, transaction } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { HttpError, invalidInput, notFoundError } from "@/lib/http/errors";
import { addDays, siteDay, startOfDay } from "@/lib/time/days";

export { startOfDay };
import { forgetRemsParameters } from "./data";
import { parametersAt } from "./parameters";
import { REMS_DATE_ZONE, type RemsSet } from "./schema";

type Actor = NonNullable<AuditActor>;

export type RemsSetRow = Prisma.RemsParameterSetGetPayload<object>;
export type RemsSetsView = { inForce: RemsSetRow | null; future: RemsSetRow[]; past: RemsSetRow[] };

/** Every set, split into the one in force now, those still to come and those replaced. */
export async function remsSets(now = serverNow()): Promise<RemsSetsView> {
  const sets = await db().remsParameterSet.findMany({ orderBy: { effectiveFrom: "desc" } });
  let inForce: RemsSetRow | null = null;
  try {
    inForce = parametersAt(sets, now);
  } catch {
    inForce = null;
  }
  return {
    inForce,
    future: sets.filter((s) => s.effectiveFrom > now).reverse(),
    past: sets.filter((s) => s.effectiveFrom <= now && s !== inForce),
  };
}

const fromTomorrow = () => addDays(siteDay(serverNow(), REMS_DATE_ZONE), 1);

/**
 * R45: a new parameter set taking effect at the start of a future day. Past and current sets never
 * change, so a REMS modification cannot rewrite how earlier sessions were judged; one set a day (unique).
 */
export async function createRemsSet(actor: Actor, input: RemsSet): Promise<{ id: string; effectiveFrom: string }> {
  const earliest = fromTomorrow();
  if (input.effectiveOn < earliest)
    throw invalidInput({ effectiveOn: [`A new set takes effect on a future day (${earliest} or later); sets in force or past cannot change`] });
  const effectiveFrom = startOfDay(input.effectiveOn, REMS_DATE_ZONE);
  const { effectiveOn: _, note, ...values } = input;
  try {
    const created = await transaction(async (tx) => {
      const set = await tx.remsParameterSet.create({ data: { ...values, note: note || null, effectiveFrom } });
      await appendAudit(tx, { actor, action: "rems.parameters_create", entityType: "RemsParameterSet", entityId: set.id, before: null, after: set });
      return set;
    });
    forgetRemsParameters();
    return { id: created.id, effectiveFrom: created.effectiveFrom.toISOString() };
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new HttpError(409, "DUPLICATE", "A set already takes effect that day.", { effectiveOn: ["A set already takes effect that day"] });
    throw e;
  }
}

/** Withdraws a set that has not taken effect yet; a set in force or past is history and stays (409). */
export async function withdrawRemsSet(actor: Actor, id: string): Promise<{ id: string }> {
  const r = await transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "RemsParameterSet" WHERE id = ${id} FOR UPDATE`;
    if (!rows.length) throw notFoundError("Parameter set");
    const set = await tx.remsParameterSet.findUniqueOrThrow({ where: { id } });
    if (set.effectiveFrom <= serverNow())
      throw new HttpError(409, "IN_FORCE", "This set has taken effect: it is part of the record and cannot be withdrawn or changed.");
    await tx.remsParameterSet.delete({ where: { id } });
    await appendAudit(tx, { actor, action: "rems.parameters_withdraw", entityType: "RemsParameterSet", entityId: id, before: set, after: null });
    return { id };
  });
  forgetRemsParameters();
  return r;
}
