import "server-only";
import { db, Prisma, transaction } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { hashPassword } from "@/lib/auth/password";
import { conflictError, HttpError, notFoundError } from "@/lib/http/errors";
import type { z } from "zod";
import type { createUserSchema, updateUserSchema } from "./schema";

type Actor = NonNullable<AuditActor>;

const publicFields = { id: true, email: true, firstName: true, lastName: true, role: true, telephone: true, disabledAt: true, version: true, sites: { select: { siteId: true } } } as const;
type UserRow = Prisma.UserGetPayload<{ select: typeof publicFields }>;
const dto = (u: UserRow) => ({ id: u.id, email: u.email, firstName: u.firstName, lastName: u.lastName, role: u.role, telephone: u.telephone ?? "", disabledAt: u.disabledAt, version: u.version, siteIds: u.sites.map((s) => s.siteId) });
export type UserDto = ReturnType<typeof dto>;
/** What the audit trail keeps of a user: never the password hash. */
const auditView = (u: UserDto) => ({ ...u, disabledAt: u.disabledAt?.toISOString() ?? null });

const duplicateEmail = () => new HttpError(409, "DUPLICATE", "A user with this email already exists.", { email: ["A user with this email already exists"] });
const isUnique = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

export async function listUsers() {
  const users = await db().user.findMany({
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { ...publicFields, sites: { select: { siteId: true, site: { select: { name: true } } } }, authSessions: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } } },
  });
  return users.map((u) => ({ ...dto(u), siteNames: u.sites.map((s) => s.site.name), lastSignInAt: u.authSessions[0]?.createdAt ?? null }));
}

export async function userForEdit(id: string) {
  const u = await db().user.findUnique({ where: { id }, select: publicFields });
  return u && dto(u);
}

export const allSites = () => db().site.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });

async function checkSites(tx: Prisma.TransactionClient, siteIds: string[]) {
  const found = await tx.site.count({ where: { id: { in: siteIds } } });
  if (found !== new Set(siteIds).size) throw new HttpError(422, "INVALID_INPUT", "Choose sites from the list.", { siteIds: ["Choose sites from the list"] });
}

export async function createUser(actor: Actor, input: z.output<typeof createUserSchema>) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await transaction(async (tx) => {
      await checkSites(tx, input.siteIds);
      const u = await tx.user.create({
        data: { email: input.email, firstName: input.firstName, lastName: input.lastName, role: input.role, telephone: input.telephone || null, passwordHash,
          sites: { create: [...new Set(input.siteIds)].map((siteId) => ({ siteId })) } },
        select: publicFields,
      });
      await appendAudit(tx, { actor, action: "user.create", entityType: "User", entityId: u.id, after: { ...auditView(dto(u)), passwordSet: true } });
      return { id: u.id };
    });
  } catch (e) {
    if (isUnique(e)) throw duplicateEmail();
    throw e;
  }
}

export async function updateUser(actor: Actor, id: string, input: z.output<typeof updateUserSchema>) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    return await transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { id }, select: publicFields });
      if (!before) throw notFoundError("User");
      await checkSites(tx, input.siteIds);
      const { count } = await tx.user.updateMany({
        where: { id, version: input.version },
        data: { email: input.email, firstName: input.firstName, lastName: input.lastName, role: input.role, telephone: input.telephone || null,
          ...(passwordHash ? { passwordHash } : {}), version: { increment: 1 } },
      });
      if (!count) throw conflictError("user");
      await tx.userSite.deleteMany({ where: { userId: id } });
      await tx.userSite.createMany({ data: [...new Set(input.siteIds)].map((siteId) => ({ userId: id, siteId })) });
      // A new password or a new role ends the user's open sessions: they sign in again under the new facts.
      if (passwordHash || before.role !== input.role)
        await tx.authSession.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: passwordHash ? "password_changed" : "role_changed" } });
      const after = await tx.user.findUniqueOrThrow({ where: { id }, select: publicFields });
      await appendAudit(tx, { actor, action: "user.update", entityType: "User", entityId: id, before: auditView(dto(before)), after: { ...auditView(dto(after)), passwordChanged: !!passwordHash } });
      return { id, version: after.version };
    });
  } catch (e) {
    if (isUnique(e)) throw duplicateEmail();
    throw e;
  }
}

/** Disabling ends every open session of the user at once (lib/auth/current-user.ts checks on each request). */
export async function setUserDisabled(actor: Actor, id: string, disabled: boolean, reason: string) {
  if (disabled && id === actor.id) throw new HttpError(422, "INVALID_INPUT", "You cannot disable your own account.", { reason: ["You cannot disable your own account"] });
  return transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: publicFields });
    if (!before) throw notFoundError("User");
    if (!!before.disabledAt === disabled) return { id, disabled };
    const now = new Date();
    // Not a profile field: no version bump, so an open edit form of the same user does not conflict.
    await tx.user.update({ where: { id }, data: { disabledAt: disabled ? now : null } });
    const revoked = disabled ? (await tx.authSession.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now, revokedReason: "user_disabled" } })).count : 0;
    await appendAudit(tx, { actor, action: disabled ? "user.disable" : "user.enable", entityType: "User", entityId: id, reason,
      before: { disabledAt: before.disabledAt?.toISOString() ?? null }, after: { disabledAt: disabled ? now.toISOString() : null, sessionsEnded: revoked } });
    return { id, disabled };
  });
}
