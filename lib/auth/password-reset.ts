import "server-only";
import { createHash, randomInt } from "node:crypto";
import { serverNow } from "@/lib/clock";
import { db, transaction, type Tx } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/data";
import { HttpError, invalidInput } from "@/lib/http/errors";
import { requireAdministers, type SiteScopedActor } from "./admin-scope";
import { confirmPassword } from "./confirm-password";
import { hashPassword } from "./password";
import { passwordProblems, type PasswordOwner } from "./password-policy";
import type { changePasswordSchema, resetWithCodeSchema } from "./schema";
import { throttleKey } from "./session-rules";
import { countFailure, lockFor, throttleTargets } from "./throttle";
import type { z } from "zod";

export const RESET_CODE_HOURS = 24;
// Crockford's base32 without I, L, O, U: easy to read out over the phone. 20 characters ≈ 100 bits.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LENGTH = 20;

export const resetCodeHash = (normalized: string) => createHash("sha256").update(`password-reset:${normalized}`).digest("hex");
const newCode = () => Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
/** XXXXX-XXXXX-XXXXX-XXXXX, as shown to the administrator once. */
const grouped = (code: string) => code.match(/.{1,5}/g)!.join("-");

/** The new password must pass the policy, at the `password` field. */
function checkPolicy(password: string, owner: PasswordOwner) {
  const problems = passwordProblems(password, owner);
  if (problems.length) throw invalidInput({ password: problems.map((p) => p.message) });
}

/** Ends every open session of the user (all devices), except `keep` (the one changing their own password). */
const endSessions = async (tx: Tx, userId: string, reason: string, keep?: string) =>
  (
    await tx.authSession.updateMany({
      where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
      data: { revokedAt: serverNow(), revokedReason: reason },
    })
  ).count;

/**
 * Writes a one-time code for the user inside the caller's transaction (account creation uses this too).
 * Earlier unused codes stop working. Only the hash is stored; the audit row records that a code was issued
 * and until when, never the code.
 */
export async function insertResetCode(tx: Tx, actor: SiteScopedActor, userId: string, purpose: "reset" | "new_account") {
  const now = serverNow();
  const code = newCode();
  const expiresAt = new Date(now.getTime() + RESET_CODE_HOURS * 3_600_000);
  const revoked = await tx.passwordReset.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  await tx.passwordReset.create({ data: { userId, codeHash: resetCodeHash(code), issuedById: actor.id, createdAt: now, expiresAt } });
  await appendAudit(tx, {
    actor: { id: actor.id, email: actor.email, role: actor.role },
    action: "user.password_reset_issued",
    entityType: "User",
    entityId: userId,
    after: { purpose, expiresAt: expiresAt.toISOString(), earlierCodesRevoked: revoked.count },
  });
  return { code: grouped(code), expiresAt: expiresAt.toISOString() };
}

/**
 * An administrator of every one of the user's sites issues a one-time code (shown once, 24 h). Nobody
 * sets another person's password: the user chooses it with this code, so a signature stays theirs.
 */
export async function issueResetCode(actor: SiteScopedActor, userId: string): Promise<{ code: string; expiresAt: string }> {
  const target = await db().user.findUnique({ where: { id: userId }, select: { id: true, sites: { select: { siteId: true } } } });
  if (!target) throw new HttpError(404, "NOT_FOUND", "User not found.");
  await requireAdministers(
    actor,
    target.sites.map((s) => s.siteId),
    { refuse: 404, entityType: "User", entityId: userId, what: "User" },
  );
  return transaction((tx) => insertResetCode(tx, actor, userId, "reset"));
}

const INVALID_CODE = "This code is not valid. Check it, or ask an administrator for a new one.";

/**
 * Signed out: email + code + new password. The code must be the user's, unused, not replaced by a newer
 * one and less than 24 h old; it is used up in the same transaction that sets the password, so two
 * attempts with one code cannot both succeed. Every session of the user ends. Wrong codes count as
 * failed sign-ins of the account and the address (the same throttle).
 */
export async function resetPasswordWithCode(
  input: z.output<typeof resetWithCodeSchema>,
  meta: { ip?: string | null },
): Promise<{ userId: string; sessionsEnded: number }> {
  const now = serverNow();
  const targets = throttleTargets(input.email, meta.ip);
  const lock = await lockFor(targets, now);
  if (lock)
    throw new HttpError(429, "LOCKED", "Too many failed attempts. Try again later.", undefined, { lockedUntil: lock.until.toISOString(), scope: lock.scope });

  const row = await db().passwordReset.findUnique({
    where: { codeHash: resetCodeHash(input.code) },
    select: {
      id: true,
      usedAt: true,
      revokedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, role: true, firstName: true, lastName: true, disabledAt: true } },
    },
  });
  const problem =
    !row || row.user.email !== input.email
      ? INVALID_CODE
      : row.usedAt
        ? "This code has already been used. Ask an administrator for a new one."
        : row.revokedAt
          ? "A newer code was issued for this account: use that one."
          : row.expiresAt <= now
            ? "This code has expired (codes last 24 hours). Ask an administrator for a new one."
            : row.user.disabledAt
              ? INVALID_CODE
              : null;
  if (problem || !row) {
    await transaction(async (tx) => {
      await countFailure(tx, targets, now);
      await appendAudit(tx, {
        actor: row && row.user.email === input.email ? { id: row.user.id, email: row.user.email, role: row.user.role } : null,
        action: "auth.password_reset_failed",
        entityType: "User",
        entityId: row?.user.id ?? null,
        after: { email: input.email, reason: problem, ip: meta.ip ?? null },
      });
    });
    throw invalidInput({ code: [problem ?? INVALID_CODE] }, problem ?? INVALID_CODE);
  }
  const user = row.user;
  checkPolicy(input.password, user);
  const passwordHash = await hashPassword(input.password);
  return transaction(async (tx) => {
    const used = await tx.passwordReset.updateMany({ where: { id: row.id, usedAt: null, revokedAt: null }, data: { usedAt: now } });
    if (!used.count) throw invalidInput({ code: ["This code has already been used. Ask an administrator for a new one."] });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, version: { increment: 1 } } });
    const sessionsEnded = await endSessions(tx, user.id, "password_reset");
    // The account lock is lifted: the person proved they hold a code an administrator issued.
    await tx.loginThrottle.deleteMany({ where: { accountKey: throttleKey("account", user.email) } });
    await appendAudit(tx, {
      actor: { id: user.id, email: user.email, role: user.role },
      action: "user.password_reset",
      entityType: "User",
      entityId: user.id,
      after: { sessionsEnded, ip: meta.ip ?? null },
    });
    return { userId: user.id, sessionsEnded };
  });
}

/** Signed in: the current password, then a new one under the policy. The user's other sessions end. */
export async function changeOwnPassword(
  me: { id: string },
  input: z.output<typeof changePasswordSchema>,
  currentSessionId?: string,
): Promise<{ sessionsEnded: number }> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: me.id },
    select: { id: true, email: true, role: true, firstName: true, lastName: true, passwordHash: true },
  });
  if (!(await confirmPassword(user, input.currentPassword))) throw invalidInput({ currentPassword: ["This is not your current password"] });
  checkPolicy(input.password, user);
  if (input.password === input.currentPassword) throw invalidInput({ password: ["Choose a password different from the current one"] });
  const passwordHash = await hashPassword(input.password);
  return transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, version: { increment: 1 } } });
    const sessionsEnded = await endSessions(tx, user.id, "password_changed", currentSessionId);
    await appendAudit(tx, {
      actor: { id: user.id, email: user.email, role: user.role },
      action: "user.password_change",
      entityType: "User",
      entityId: user.id,
      after: { sessionsEnded },
    });
    return { sessionsEnded };
  });
}
