import "server-only";
import { db } from "@/lib/db/client";
import { verifyPassword } from "./password";
import { afterFailure, isLockedOut } from "./session-rules";

/**
 * A password typed again to confirm an act (an e-signature, a witnessed waste). It shares the sign-in
 * throttle of the account: 5 wrong answers lock the account for sign-in and confirmation alike, so a
 * password cannot be guessed through a confirmation form. A lock reads as a wrong password.
 */
export async function confirmPassword(account: { email: string; passwordHash: string }, password: string): Promise<boolean> {
  const now = new Date();
  const throttle = await db().loginThrottle.findUnique({ where: { accountKey: account.email } });
  if (isLockedOut(throttle, now)) return false;
  if (await verifyPassword(account.passwordHash, password)) return true;
  const next = afterFailure(throttle, now);
  await db().loginThrottle.upsert({ where: { accountKey: account.email }, create: { accountKey: account.email, ...next }, update: next });
  return false;
}
