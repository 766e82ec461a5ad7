import "server-only";
import { serverNow } from "@/lib/clock";
import { db, Prisma, transaction, type Tx } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { hashPassword } from "@/lib/auth/password";
import { conflictError, HttpError, invalidInput, notFoundError } from "@/lib/http/errors";
import type { CreateUser, UpdateUser } from "./schema";

type Actor = NonNullable<AuditActor>;
type Role = "NURSE" | "PSYCHIATRIST" | "ADMIN";

// Never `passwordHash`: nothing read here may carry it to a page, a response or the audit trail.
const userFields = {
  id: true, email: true, firstName: true, lastName: true, role: true, telephone: true, disabledAt: true, version: true,
  sites: { select: { siteId: true }, orderBy: { siteId: "asc" } },
} as const satisfies Prisma.UserSelect;
type UserRow = Prisma.UserGetPayload<{ select: typeof userFields }>;

export type UserDto = {
  id: string; email: string; firstName: string; lastName: string; role: Role; telephone: string;
  disabledAt: string | null; version: number; siteIds: string[];
};
const toDto = (u: UserRow): UserDto => ({
  id: u.id, email: u.email, firstName: u.firstName, lastName: u.lastName, role: u.role, telephone: u.telephone ?? "",
  disabledAt: u.disabledAt?.toISOString() ?? null, version: u.version, siteIds: u.sites.map((s) => s.siteId),
});

export type UserListItem = UserDto & { siteNames: string[]; lastSignInAt: string | null };

const DUPLICATE_EMAIL = "A user with this email already exists";
const duplicateEmail = () => new HttpError(409, "DUPLICATE", `${DUPLICATE_EMAIL}.`, { email: [DUPLICATE_EMAIL] });
const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

export async function listUsers(): Promise<UserListItem[]> {
  const users = await db().user.findMany({
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { ...userFields, sites: { select: { siteId: true, site: { select: { name: true } } }, orderBy: { siteId: "asc" } } },
  });
  // Last sign-in: one grouped query over the sessions index, not one query per user.
  const last = await db().authSession.groupBy({ by: ["userId"], _max: { createdAt: true } });
  const lastByUser = new Map(last.map((l) => [l.userId, l._max.createdAt]));
  return users.map((u) => ({
    ...toDto(u),
    siteNames: u.sites.map((s) => s.site.name).sort(),
    lastSignInAt: lastByUser.get(u.id)?.toISOString() ?? null,
  }));
}

export async function userForEdit(id: string): Promise<UserDto | null> {
  const u = await db().user.findUnique({ where: { id }, select: userFields });
  return u && toDto(u);
}

export type SiteOption = { id: string; name: string; code: string };
/** Active sites, plus any deactivated site in `keep` (a user's existing assignment stays visible on their form). */
export const siteOptions = (keep: string[] = []): Promise<SiteOption[]> =>
  db().site.findMany({ where: { OR: [{ deactivatedAt: null }, { id: { in: keep } }] }, orderBy: { name: "asc" }, select: { id: true, name: true, code: true } });

async function checkSites(tx: Tx, siteIds: string[]) {
  const found = await tx.site.count({ where: { id: { in: siteIds } } });
  if (found !== siteIds.length) throw invalidInput({ siteIds: ["Choose sites from the list"] });
}

async function checkEmailFree(tx: Tx, email: string, exceptId?: string) {
  const other = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (other && other.id !== exceptId) throw duplicateEmail();
}

export async function createUser(actor: Actor, input: CreateUser): Promise<{ id: string; version: number }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await transaction(async (tx) => {
      await checkEmailFree(tx, input.email);
      await checkSites(tx, input.siteIds);
      const u = await tx.user.create({
        data: {
          email: input.email, firstName: input.firstName, lastName: input.lastName, role: input.role, telephone: input.telephone || null, passwordHash,
          sites: { create: input.siteIds.map((siteId) => ({ siteId })) },
        },
        select: userFields,
      });
      await appendAudit(tx, { actor, action: "user.create", entityType: "User", entityId: u.id, before: null, after: { ...toDto(u), passwordSet: true } });
      return { id: u.id, version: u.version };
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
 * A new password or a new role ends the user's open sessions, so they work under the new facts.
 */
export async function updateUser(actor: Actor, id: string, input: UpdateUser): Promise<{ id: string; version: number }> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    return await transaction(async (tx) => {
      const row = await tx.user.findUnique({ where: { id }, select: userFields });
      if (!row) throw notFoundError("User");
      const before = toDto(row);
      if (before.version !== input.version) throw conflictError("user");
      if (id === actor.id && input.role !== "ADMIN")
        throw invalidInput({ role: ["You cannot remove your own administrator role"] }, "You cannot remove your own administrator role.");
      await checkEmailFree(tx, input.email, id);
      await checkSites(tx, input.siteIds);
      const { count } = await tx.user.updateMany({
        where: { id, version: input.version },
        data: {
          email: input.email, firstName: input.firstName, lastName: input.lastName, role: input.role, telephone: input.telephone || null,
          ...(passwordHash ? { passwordHash } : {}), version: { increment: 1 },
        },
      });
      if (!count) throw conflictError("user");
      const keep = new Set(input.siteIds);
      await tx.userSite.deleteMany({ where: { userId: id, siteId: { notIn: input.siteIds } } });
      await tx.userSite.createMany({ data: [...keep].filter((s) => !before.siteIds.includes(s)).map((siteId) => ({ userId: id, siteId })) });
      const roleChanged = before.role !== input.role;
      const ended = passwordHash || roleChanged
        ? (await tx.authSession.updateMany({
            where: { userId: id, revokedAt: null },
            data: { revokedAt: serverNow(), revokedReason: passwordHash ? "password_changed" : "role_changed" },
          })).count
        : 0;
      const after = toDto(await tx.user.findUniqueOrThrow({ where: { id }, select: userFields }));
      await appendAudit(tx, {
        actor, action: "user.update", entityType: "User", entityId: id,
        before, after: { ...after, passwordChanged: !!passwordHash, sessionsEnded: ended },
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
    if (row.disabledAt) throw new HttpError(409, "ALREADY_DISABLED", "This account is already disabled. Reload to see its current state.");
    const now = serverNow();
    await tx.user.update({ where: { id }, data: { disabledAt: now } });
    const { count } = await tx.authSession.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now, revokedReason: "user_disabled" } });
    await appendAudit(tx, {
      actor, action: "user.disable", entityType: "User", entityId: id, reason,
      before: { disabledAt: null }, after: { disabledAt: now.toISOString(), sessionsEnded: count },
    });
    return { id, disabledAt: now.toISOString(), sessionsEnded: count };
  });
}

export async function enableUser(actor: Actor, id: string, reason: string): Promise<{ id: string }> {
  return transaction(async (tx) => {
    const row = await tx.user.findUnique({ where: { id }, select: userFields });
    if (!row) throw notFoundError("User");
    if (!row.disabledAt) throw new HttpError(409, "ALREADY_ENABLED", "This account is already active. Reload to see its current state.");
    await tx.user.update({ where: { id }, data: { disabledAt: null } });
    await appendAudit(tx, {
      actor, action: "user.enable", entityType: "User", entityId: id, reason,
      before: { disabledAt: row.disabledAt.toISOString() }, after: { disabledAt: null },
    });
    return { id };
  });
}
