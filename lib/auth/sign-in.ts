import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, transaction } from "@/lib/db/client";
import { appendAudit, recordAudit } from "@/lib/audit/data";
import { dummyHash, verifyPassword } from "./password";
import { signInSchema } from "./schema";
import { sessionExpiry, throttleKey, type Lock } from "./session-rules";
import { countFailure, lockFor, throttleTargets } from "./throttle";
import { checkSecondFactor } from "./totp";

export const tokenId = (token: string) => createHash("sha256").update(token).digest("hex");

export type SignInMeta = { userAgent?: string | null; ip?: string | null };
export type SignedIn = { id: string; email: string; role: string; name: string; sid: string };
export type SignInRefused = { refused: true; lock: Lock | null; needsSecondFactor?: true };

/**
 * Checks credentials and opens a server-side session. Every failure looks the same to the caller (no
 * hint whether the account exists or is disabled) except a lock, which says until when: a lock is kept
 * for unknown emails too, so it reveals nothing about which accounts exist. The audit trail says which.
 * Counters: the account, the client's address (when known) and the whole installation (lib/auth/throttle.ts).
 */
export async function signInWithPassword(raw: unknown, meta: SignInMeta): Promise<SignedIn | SignInRefused> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { refused: true, lock: null };
  const { email, password, otp } = parsed.data;
  const now = new Date();
  const targets = throttleTargets(email, meta.ip);

  const lock = await lockFor(targets, now);
  const user = await db().user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);

  let failure: string | null = null;
  if (lock) failure = `throttled_${lock.scope}`;
  else if (!user) failure = "unknown_account";
  else if (!passwordOk) failure = "wrong_password";
  else if (user.disabledAt) failure = "account_disabled";
  else if (user.totpEnabledAt) {
    // Two-step sign-in: the right password alone is not enough. Without a code the form asks for one (not a
    // failure); a wrong code is a failure like a wrong password.
    if (!otp) return { refused: true, lock: null, needsSecondFactor: true };
    const second = await checkSecondFactor(user.id, otp, now);
    if (!second) failure = "wrong_second_factor";
    else if (second === "recovery")
      await recordAudit({
        actor: { id: user.id, email: user.email, role: user.role },
        action: "auth.recovery_code_used",
        entityType: "User",
        entityId: user.id,
      });
  }

  if (failure) {
    const after = await transaction(async (tx) => {
      const locked = lock ?? (await countFailure(tx, targets, now));
      await appendAudit(tx, {
        actor: user ? { id: user.id, email: user.email, role: user.role } : null,
        action: "auth.login_failed",
        entityType: "User",
        entityId: user?.id ?? null,
        after: { email, reason: failure, lockedUntil: locked?.until ?? null, lockScope: locked?.scope ?? null, ip: meta.ip ?? null },
      });
      return locked;
    });
    return { refused: true, lock: after };
  }

  const token = randomBytes(32).toString("base64url");
  await transaction(async (tx) => {
    // Success clears the account's counter only: an address or the installation keeps counting.
    await tx.loginThrottle.deleteMany({ where: { accountKey: throttleKey("account", email) } });
    await tx.authSession.create({
      data: {
        id: tokenId(token),
        userId: user!.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: sessionExpiry(now),
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        ip: meta.ip ?? null,
      },
    });
    await appendAudit(tx, {
      actor: { id: user!.id, email: user!.email, role: user!.role },
      action: "auth.login",
      entityType: "AuthSession",
      entityId: tokenId(token).slice(0, 16),
      after: { ip: meta.ip ?? null },
    });
  });
  return { id: user!.id, email: user!.email, role: user!.role, name: `${user!.firstName} ${user!.lastName}`, sid: token };
}

/** Ends a server-side session (sign-out, idle lock, disabled user); audited once. */
export async function endSession(token: string, reason: string): Promise<void> {
  const id = tokenId(token);
  const s = await db().authSession.findUnique({ where: { id }, include: { user: true } });
  if (!s || s.revokedAt) return;
  await transaction(async (tx) => {
    const { count } = await tx.authSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
    if (!count) return;
    await appendAudit(tx, {
      actor: { id: s.user.id, email: s.user.email, role: s.user.role },
      action: reason === "logout" ? "auth.logout" : "auth.session_ended",
      entityType: "AuthSession",
      entityId: id.slice(0, 16),
      reason,
    });
  });
}

export { recordAudit };
