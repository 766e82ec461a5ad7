import "server-only";
import { db, transaction } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/data";
import { hashPassword } from "@/lib/auth/password";
import { HttpError, invalidInput } from "@/lib/http/errors";
import { passwordProblems } from "@/lib/auth/password-policy";
import { insertSite } from "@/lib/sites/data";
import { REMS_DATE_ZONE } from "@/lib/rems/schema";
import { startOfDay } from "@/lib/time/days";
import type { FirstRun } from "./schema";

// Users are never deleted (disabled at most), so once one exists the answer cannot go back.
let usersExist = false;

/** True while the database has no user at all: the app then offers only the setup page. */
export async function needsFirstRun(): Promise<boolean> {
  if (usersExist) return false;
  usersExist = (await db().user.count()) > 0;
  return !usersExist;
}

export const alreadySetUp = () => new HttpError(409, "ALREADY_SET_UP", "This tracker is already set up. Sign in, or ask an administrator for an account.");

/** The REMS parameters of the label and REMS as written in REMS.md (R45), in force since SPRAVATO's approval. */
export const INITIAL_REMS_EFFECTIVE_FROM = startOfDay("2019-03-05", REMS_DATE_ZONE);

/**
 * Creates the first administrator and the first site, once. A transaction-scoped advisory lock
 * serialises simultaneous setups; the second finds a user and is refused, so there is one administrator.
 * Also writes the initial REMS parameter set when the database has none (a fresh `migrate deploy`).
 */
export async function firstRun(input: FirstRun): Promise<{ userId: string; siteId: string }> {
  const problems = passwordProblems(input.admin.password, input.admin);
  if (problems.length) throw invalidInput({ "admin.password": problems.map((p) => p.message) });
  const passwordHash = await hashPassword(input.admin.password);
  const result = await transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7355609)`;
    if (await tx.user.count()) throw alreadySetUp();
    const { password: _, ...profile } = input.admin;
    const u = await tx.user.create({
      data: { ...profile, telephone: profile.telephone || null, role: "ADMIN", passwordHash },
      select: { id: true, email: true, role: true, firstName: true, lastName: true },
    });
    const actor = { id: u.id, email: u.email, role: u.role };
    await appendAudit(tx, { actor, action: "setup.first_admin", entityType: "User", entityId: u.id, before: null, after: { ...u, passwordSet: true } });
    if (!(await tx.remsParameterSet.count())) {
      const set = await tx.remsParameterSet.create({ data: { effectiveFrom: INITIAL_REMS_EFFECTIVE_FROM, note: "Initial set written at first run" } });
      await appendAudit(tx, { actor, action: "rems.parameters_create", entityType: "RemsParameterSet", entityId: set.id, before: null, after: set });
    }
    const site = await insertSite(tx, actor, input.site).catch((e: unknown) => {
      // The site's fields sit under "site." in the setup form and file.
      if (e instanceof HttpError && e.fieldErrors)
        throw new HttpError(e.status, e.code, e.message, Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [`site.${k}`, v])), e.details);
      throw e;
    });
    return { userId: u.id, siteId: site.id };
  });
  usersExist = true;
  return result;
}
