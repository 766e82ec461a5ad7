import "server-only";
import { serverNow } from "@/lib/clock";
import { db, Prisma, transaction, type Tx } from "@/lib/db/client";
import { randomBytes } from "node:crypto";
import { appendAudit } from "@/lib/audit/data";
import { requireAdministers, type SiteScopedActor } from "@/lib/auth/admin-scope";
import { hashPassword } from "@/lib/auth/password";
import { insertResetCode } from "@/lib/auth/password-reset";
import { throttleKey } from "@/lib/auth/session-rules";
import { conflictError, HttpError, invalidInput, notFoundError } from "@/lib/http/errors";
import type { CreateUser, UpdateUser } from "./schema";

// An administrator acts only on users all of whose sites they administer, and grants only their own sites.
type Actor = SiteScopedActor;
const auditActor = (a: Actor) => ({ id: a.id, email: a.email, role: a.role });
type Role = "NURSE" | "PSYCHIATRIST" | "ADMIN";

// Never `passwordHash`: nothing read here may carry it to a page, a response or the audit trail.
const userFields = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  role: true,
  telephone: true,
  disabledAt: true,
  version: true,
  sites: { select: { siteId: true }, orderBy: { siteId: "asc" } },
} as const satisfies Prisma.UserSelect;
type UserRow = Prisma.UserGetPayload<{ select: typeof userFields }>;

export type UserDto = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  telephone: string;
  disabledAt: string | null;
  version: number;
  siteIds: string[];
};
const toDto = (u: UserRow): UserDto => ({
  id: u.id,
  email: u.email,
  firstName: u.firstName,
  lastName: u.lastName,
  role: u.role,
  telephone: u.telephone ?? "",
  disabledAt: u.disabledAt?.toISOString() ?? null,
  version: u.version,
  siteIds: u.sites.map((s) => s.siteId),
});

export type UserListItem = UserDto & { siteNames: string[]; lastSignInAt: string | null; manageable: boolean; lockedUntil: string | null };

const DUPLICATE_EMAIL = "A user with this email already exists";
const duplicateEmail = () => new HttpError(409, "DUPLICATE", `${DUPLICATE_EMAIL}.`, { email: [DUPLICATE_EMAIL] });
const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

/**
 * The users who work at one of the administrator's sites. Only those whose every site the administrator
 * administers can be opened and changed (`manageable`); the others are shown with the sites they share.
 */
export async function listUsers(actor: Actor): Promise<UserListItem[]> {
  const users = await db().user.findMany({
    where: { sites: { some: { siteId: { in: [...actor.siteIds] } } } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { ...userFields, sites: { select: { siteId: true, site: { select: { name: true } } }, orderBy: { siteId: "asc" } } },
  });
  // Last sign-in: one grouped query over the sessions index, not one query per user.
  const last = await db().authSession.groupBy({ by: ["userId"], _max: { createdAt: true } });
  const lastByUser = new Map(last.map((l) => [l.userId, l._max.createdAt]));
  const now = serverNow();
  const locks = await db().loginThrottle.findMany({
    where: { accountKey: { in: users.map((u) => throttleKey("account", u.email)) }, lockedUntil: { gt: now } },
  });
  const lockByEmail = new Map(locks.map((l) => [l.accountKey, l.lockedUntil!]));
  return users.map((u) => {
    const manageable = u.sites.every((s) => actor.siteIds.includes(s.siteId));
    return {
      ...toDto(u),
      // Another administrator's site is named only if this administrator shares it.
      siteNames: u.sites
        .filter((s) => actor.siteIds.includes(s.siteId))
        .map((s) => s.site.name)
        .sort(),
      lastSignInAt: lastByUser.get(u.id)?.toISOString() ?? null,
      manageable,
      lockedUntil: lockByEmail.get(throttleKey("account", u.email))?.toISOString() ?? null,
    };
  });
}

export async function userForEdit(id: string): Promise<(UserDto & { lockedUntil: string | null; secondFactorOn: boolean }) | null> {
  const u = await db().user.findUnique({ where: { id }, select: { ...userFields, totpEnabledAt: true } });
  if (!u) return null;
  const lock = await db().loginThrottle.findFirst({ where: { accountKey: throttleKey("account", u.email), lockedUntil: { gt: serverNow() } } });
  return { ...toDto(u), lockedUntil: lock?.lockedUntil?.toISOString() ?? null, secondFactorOn: u.totpEnabledAt !== null };
}

export type SiteOption = { id: string; name: string; code: string };
/**
 * The sites an administrator may give: their own, active ones, plus any deactivated one of theirs in `keep`
 * (a user's existing assignment stays visible on their form).
 */
export const siteOptions = (actor: { siteIds: readonly string[] }, keep: string[] = []): Promise<SiteOption[]> =>
  db().site.findMany({
    where: { id: { in: [...actor.siteIds] }, OR: [{ deactivatedAt: null }, { id: { in: keep } }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, code: true },
  });

/** The user's sites must all be the administrator's; otherwise the user "does not exist" for them (404). */
async function requireManaged(actor: Actor, id: string, siteIds: string[]) {
  await requireAdministers(actor, siteIds, { refuse: 404, entityType: "User", entityId: id, what: "User" });
}
/** Sites given in the request must be the administrator's own (403 at the sites field). */
const requireGrantable = (actor: Actor, siteIds: string[], entityId?: string) =>
  requireAdministers(actor, siteIds, { refuse: 403, entityType: "User", entityId, field: "siteIds" });

async function checkSites(tx: Tx, siteIds: string[]) {
  const found = await tx.site.count({ where: { id: { in: siteIds } } });
  if (found !== siteIds.length) throw invalidInput({ siteIds: ["Choose sites from the list"] });
}

async function checkEmailFree(tx: Tx, email: string, exceptId?: string) {
  const other = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (other && other.id !== exceptId) throw duplicateEmail();
}

/**
 * Creates the account without a password: the response carries a one-time code (shown once, 24 h) with
 * which the new user chooses their own password at /reset-password. Nobody else ever knows it.
 */
export async function createUser(actor: Actor, input: CreateUser): Promise<{ id: string; version: number; code: string; expiresAt: string }> {
  await requireGrantable(actor, input.siteIds);
  // A hash of random bytes nobody holds: the account cannot sign in until its owner uses the code.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  try {
    return await transaction(async (tx) => {
      await checkEmailFree(tx, input.email);
      await checkSites(tx, input.siteIds);
      const u = await tx.user.create({
        data: {
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          role: input.role,
          telephone: input.telephone || null,
          passwordHash,
          sites: { create: input.siteIds.map((siteId) => ({ siteId })) },
        },
        select: userFields,
      });
      await appendAudit(tx, {
        actor: auditActor(actor),
        action: "user.create",
        entityType: "User",
        entityId: u.id,
        before: null,
        after: { ...toDto(u), passwordSet: false },
      });
      const reset = await insertResetCode(tx, actor, u.id, "new_account");
      return { id: u.id, version: u.version, ...reset };
    });
  } catch (e) {
    // Two administrators creating the same email at once: the unique index decides.
    if (isUniqueViolation(e)) throw duplicateEmail();
    throw e;
  }
}

/**
 * Optimistic concurrency: the update matches on {id, version}; no row matched means someone saved in
 * between, and the administrator gets a 409 instead of silently overwriting their change.
 * A new role ends the user's open sessions, so they work under the new facts. There is no password here:
 * an administrator issues a one-time code instead (lib/auth/password-reset.ts).
 */
export async function updateUser(actor: Actor, id: string, input: UpdateUser): Promise<{ id: string; version: number }> {
  const current = await db().user.findUnique({ where: { id }, select: { sites: { select: { siteId: true } } } });
  if (!current) throw notFoundError("User");
  await requireManaged(
    actor,
    id,
    current.sites.map((s) => s.siteId),
  );
  await requireGrantable(actor, input.siteIds, id);
  try {
    return await transaction(async (tx) => {
      const row = await tx.user.findUnique({ where: { id }, select: userFields });
      if (!row) throw notFoundError("User");
      const before = toDto(row);
      // Sites changed by someone since the scope check above: check again inside the transaction.
      if (!before.siteIds.every((s) => actor.siteIds.includes(s))) throw notFoundError("User");
      if (before.version !== input.version) throw conflictError("user");
      if (id === actor.id && input.role !== "ADMIN")
        throw invalidInput({ role: ["You cannot remove your own administrator role"] }, "You cannot remove your own administrator role.");
      await checkEmailFree(tx, input.email, id);
      await checkSites(tx, input.siteIds);
      const { count } = await tx.user.updateMany({
        where: { id, version: input.version },
        data: {
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          role: input.role,
          telephone: input.telephone || null,
          version: { increment: 1 },
        },
      });
      if (!count) throw conflictError("user");
      const keep = new Set(input.siteIds);
      await tx.userSite.deleteMany({ where: { userId: id, siteId: { notIn: input.siteIds } } });
      await tx.userSite.createMany({ data: [...keep].filter((s) => !before.siteIds.includes(s)).map((siteId) => ({ userId: id, siteId })) });
      const roleChanged = before.role !== input.role;
      const ended = roleChanged
        ? (await tx.authSession.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: serverNow(), revokedReason: "role_changed" } })).count
        : 0;
      const after = toDto(await tx.user.findUniqueOrThrow({ where: { id }, select: userFields }));
      await appendAudit(tx, {
        actor: auditActor(actor),
        action: "user.update",
        entityType: "User",
        entityId: id,
        before,
        after: { ...after, sessionsEnded: ended },
      });
      return { id, version: after.version };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateEmail();
    throw e;
  }
}

/**
 * Disabling sets disabledAt and revokes every open session in the same transaction, so the user is
 * signed out on their next request (lib/auth/current-user.ts also refuses a disabled account).
 * The version is not bumped: an administrator's open edit form of the same user stays valid.
 */
export async function disableUser(actor: Actor, id: string, reason: string): Promise<{ id: string; disabledAt: string; sessionsEnded: number }> {
  if (id === actor.id) throw invalidInput({}, "You cannot disable your own account. Ask another administrator.");
  return transaction(async (tx) => {
    const row = await tx.user.findUnique({ where: { id }, select: userFields });
    if (!row) throw notFoundError("User");
    await requireManaged(
      actor,
      id,
      row.sites.map((s) => s.siteId),
    );
    if (row.disabledAt) throw new HttpError(409, "ALREADY_DISABLED", "This account is already disabled. Reload to see its current state.");
    const now = serverNow();
    await tx.user.update({ where: { id }, data: { disabledAt: now } });
    const { count } = await tx.authSession.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now, revokedReason: "user_disabled" } });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: "user.disable",
      entityType: "User",
      entityId: id,
      reason,
      before: { disabledAt: null },
      after: { disabledAt: now.toISOString(), sessionsEnded: count },
    });
    return { id, disabledAt: now.toISOString(), sessionsEnded: count };
  });
}

export async function enableUser(actor: Actor, id: string, reason: string): Promise<{ id: string }> {
  return transaction(async (tx) => {
    const row = await tx.user.findUnique({ where: { id }, select: userFields });
    if (!row) throw notFoundError("User");
    await requireManaged(
      actor,
      id,
      row.sites.map((s) => s.siteId),
    );
    if (!row.disabledAt) throw new HttpError(409, "ALREADY_ENABLED", "This account is already active. Reload to see its current state.");
    await tx.user.update({ where: { id }, data: { disabledAt: null } });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: "user.enable",
      entityType: "User",
      entityId: id,
      reason,
      before: { disabledAt: row.disabledAt.toISOString() },
      after: { disabledAt: null },
    });
    return { id };
  });
}

/**
 * Lifts the sign-in lock of an account (too many failed sign-ins) before it ends by itself. Audited with
 * the lock it ended; the address and installation counters are not touched.
 */
export async function unlockUser(actor: Actor, id: string, reason: string): Promise<{ id: string; lockedUntil: null }> {
  return transaction(async (tx) => {
    const row = await tx.user.findUnique({ where: { id }, select: userFields });
    if (!row) throw notFoundError("User");
    await requireManaged(
      actor,
      id,
      row.sites.map((s) => s.siteId),
    );
    const key = throttleKey("account", row.email);
    const lock = await tx.loginThrottle.findFirst({ where: { accountKey: key, lockedUntil: { gt: serverNow() } } });
    if (!lock) throw new HttpError(409, "NOT_LOCKED", "This account is not locked. Reload to see its current state.");
    await tx.loginThrottle.delete({ where: { accountKey: key } });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: "user.unlock",
      entityType: "User",
      entityId: id,
      reason,
      before: { lockedUntil: lock.lockedUntil!.toISOString(), failures: lock.failures },
      after: { lockedUntil: null },
    });
    return { id, lockedUntil: null };
  });
}

/**
 * Turns off another user's two-step sign-in (a lost phone and no recovery code left): the secret and the
 * recovery codes go, and every open session of theirs ends, so the next sign-in is with the password only
 * and they can set up a new authenticator. Audited with the reason (who checked their identity, how).
 */
export async function resetSecondFactor(actor: Actor, id: string, reason: string): Promise<{ id: string; sessionsEnded: number }> {
  if (id === actor.id) throw invalidInput({}, "Turn off your own two-step sign-in from your account.");
  return transaction(async (tx) => {
    const row = await tx.user.findUnique({ where: { id }, select: { ...userFields, totpEnabledAt: true } });
    if (!row) throw notFoundError("User");
    await requireManaged(
      actor,
      id,
      row.sites.map((s) => s.siteId),
    );
    if (!row.totpEnabledAt) throw new HttpError(409, "NOT_ENABLED", "Two-step sign-in is not on for this account. Reload to see its current state.");
    const now = serverNow();
    await tx.user.update({ where: { id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    const { count: codesRemoved } = await tx.recoveryCode.deleteMany({ where: { userId: id } });
    const { count } = await tx.authSession.updateMany({
      where: { userId: id, revokedAt: null },
      data: { revokedAt: now, revokedReason: "second_factor_reset" },
    });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: "user.totp_reset",
      entityType: "User",
      entityId: id,
      reason,
      before: { totpEnabledAt: row.totpEnabledAt.toISOString() },
      after: { totpEnabledAt: null, recoveryCodesRemoved: codesRemoved, sessionsEnded: count },
    });
    return { id, sessionsEnded: count };
  });
}
