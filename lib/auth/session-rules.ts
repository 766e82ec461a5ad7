// Pure rules for a server-side sign-in session (no I/O): is it still good at `now`?
export const MAX_SESSION_HOURS = 12;
export const DEFAULT_IDLE_MINUTES = 10;
/** lastSeenAt is written at most this often, so ordinary page loads do not all write. */
export const TOUCH_INTERVAL_MS = 30_000;

export type SessionEndReason = "revoked" | "disabled" | "idle" | "expired";

export type SessionFacts = {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  userDisabledAt: Date | null;
};

export function sessionState(s: SessionFacts, now: Date, idleMinutes: number): { ok: true } | { ok: false; reason: SessionEndReason } {
  if (s.revokedAt) return { ok: false, reason: "revoked" };
  if (s.userDisabledAt) return { ok: false, reason: "disabled" };
  if (now.getTime() >= s.expiresAt.getTime()) return { ok: false, reason: "expired" };
  if (now.getTime() - s.lastSeenAt.getTime() >= idleMinutes * 60_000) return { ok: false, reason: "idle" };
  return { ok: true };
}

export const sessionExpiry = (createdAt: Date) => new Date(createdAt.getTime() + MAX_SESSION_HOURS * 3_600_000);

/** The strictest idle lock of the user's sites applies (a shared tablet must lock by the shortest rule). */
export const idleMinutesFor = (siteIdleMinutes: number[]) => (siteIdleMinutes.length ? Math.min(...siteIdleMinutes) : DEFAULT_IDLE_MINUTES);

// Throttling of failed sign-ins: per account, per client address and for the whole installation.
// The counters live in the database (LoginThrottle), so every app server sees the same ones.
export type ThrottleLimits = { maxFailures: number; windowMs: number; lockMs: number };
export const THROTTLE_MAX_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const THROTTLE_LOCK_MS = 15 * 60_000;
export const ACCOUNT_LIMITS: ThrottleLimits = { maxFailures: THROTTLE_MAX_FAILURES, windowMs: THROTTLE_WINDOW_MS, lockMs: THROTTLE_LOCK_MS };
/** One client address spraying passwords across accounts: 20 failures in 15 minutes pause it for 15 minutes. */
export const ADDRESS_LIMITS: ThrottleLimits = { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/** Every failure of the installation together (many addresses at once): 300 in 15 minutes pause sign-in for 5 minutes. */
export const GLOBAL_LIMITS: ThrottleLimits = { maxFailures: 300, windowMs: 15 * 60_000, lockMs: 5 * 60_000 };

export type ThrottleScope = "account" | "address" | "global";
export const THROTTLE_LIMITS: Record<ThrottleScope, ThrottleLimits> = { account: ACCOUNT_LIMITS, address: ADDRESS_LIMITS, global: GLOBAL_LIMITS };
export const GLOBAL_THROTTLE_KEY = "global";
/** The LoginThrottle key of each scope: the email itself (as before), "ip:<address>", "global". */
export const throttleKey = (scope: ThrottleScope, value: string) => (scope === "account" ? value : scope === "address" ? `ip:${value}` : GLOBAL_THROTTLE_KEY);

export type ThrottleFacts = { failures: number; windowStart: Date; lockedUntil: Date | null };

export const isLockedOut = (t: ThrottleFacts | null, now: Date) => !!t?.lockedUntil && t.lockedUntil.getTime() > now.getTime();

/** The throttle row after one more failure at `now`. */
export function afterFailure(t: ThrottleFacts | null, now: Date, limits: ThrottleLimits = ACCOUNT_LIMITS): ThrottleFacts {
  const fresh = !t || now.getTime() - t.windowStart.getTime() > limits.windowMs;
  const failures = fresh ? 1 : t.failures + 1;
  const windowStart = fresh ? now : t.windowStart;
  const lockedUntil = failures >= limits.maxFailures ? new Date(now.getTime() + limits.lockMs) : null;
  return { failures, windowStart, lockedUntil };
}

export type Lock = { scope: ThrottleScope; until: Date };

/** The lock that holds at `now`, if any; when several do, the one that lasts longest. */
export function activeLock(rows: { scope: ThrottleScope; facts: ThrottleFacts | null }[], now: Date): Lock | null {
  const locks = rows.filter((r) => isLockedOut(r.facts, now)).map((r) => ({ scope: r.scope, until: r.facts!.lockedUntil! }));
  return locks.sort((a, b) => b.until.getTime() - a.until.getTime())[0] ?? null;
}

/**
 * The client's address for throttling. X-Forwarded-For is believed only behind a trusted proxy
 * (TRUSTED_PROXY = how many proxies of ours append to it, usually 1): the address our nearest proxy saw
 * is the right-most entry, so we count that many from the right — the left-most entries are whatever
 * the client sent. Without TRUSTED_PROXY the socket address is used when the server passes one.
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedProxies: number, socketAddress?: string | null): string | null {
  if (trustedProxies > 0 && forwardedFor) {
    const hops = forwardedFor
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    const picked = hops[hops.length - trustedProxies];
    if (picked && /^[0-9a-fA-F.:]{2,45}$/.test(picked)) return picked;
  }
  return socketAddress?.trim() || null;
}
