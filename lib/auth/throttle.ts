import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { activeLock, afterFailure, THROTTLE_LIMITS, throttleKey, type Lock, type ThrottleFacts, type ThrottleScope } from "./session-rules";

// Failed sign-in counters in the database (LoginThrottle), shared by every app server: one row per
// account (its email), per client address ("ip:…") and one for the installation ("global").

export type ThrottleTarget = { scope: ThrottleScope; key: string };

/** The counters a sign-in attempt is judged by: the account, the client's address when known, everyone. */
export function throttleTargets(email: string, ip: string | null | undefined): ThrottleTarget[] {
  return [
    { scope: "account" as const, key: throttleKey("account", email) },
    ...(ip ? [{ scope: "address" as const, key: throttleKey("address", ip) }] : []),
    { scope: "global" as const, key: throttleKey("global", "") },
  ];
}

const facts = (r: { failures: number; windowStart: Date; lockedUntil: Date | null } | undefined): ThrottleFacts | null =>
  r ? { failures: r.failures, windowStart: r.windowStart, lockedUntil: r.lockedUntil } : null;

/** The lock in force for these counters at `now` (the longest), or null. */
export async function lockFor(targets: ThrottleTarget[], now: Date): Promise<Lock | null> {
  const rows = await db().loginThrottle.findMany({ where: { accountKey: { in: targets.map((t) => t.key) } } });
  return activeLock(
    targets.map((t) => ({ scope: t.scope, facts: facts(rows.find((r) => r.accountKey === t.key)) })),
    now,
  );
}

/**
 * Counts one failure on every counter, each row locked (FOR UPDATE, in key order so two servers never
 * deadlock) so that concurrent failures on several servers are all counted. Returns the lock now in force.
 */
export async function countFailure(tx: Tx, targets: ThrottleTarget[], now: Date): Promise<Lock | null> {
  const sorted = [...targets].sort((a, b) => (a.key < b.key ? -1 : 1));
  const after: { scope: ThrottleScope; facts: ThrottleFacts }[] = [];
  for (const t of sorted) {
    await tx.$executeRaw`INSERT INTO "LoginThrottle" ("accountKey", failures, "windowStart") VALUES (${t.key}, 0, ${now}) ON CONFLICT DO NOTHING`;
    const [row] = await tx.$queryRaw<
      ThrottleFacts[]
    >`SELECT failures, "windowStart", "lockedUntil" FROM "LoginThrottle" WHERE "accountKey" = ${t.key} FOR UPDATE`;
    const next = afterFailure(row.failures ? row : null, now, THROTTLE_LIMITS[t.scope]);
    // A lock already in force is kept (a failure while locked does not shorten or lengthen it).
    const lockedUntil = row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : next.lockedUntil;
    await tx.loginThrottle.update({ where: { accountKey: t.key }, data: { ...next, lockedUntil } });
    after.push({ scope: t.scope, facts: { ...next, lockedUntil } });
  }
  return activeLock(after, now);
}

/** When the account's sign-in lock ends (null: not locked). */
export async function accountLockedUntil(email: string, now: Date): Promise<Date | null> {
  return (await lockFor([{ scope: "account", key: throttleKey("account", email) }], now))?.until ?? null;
}
