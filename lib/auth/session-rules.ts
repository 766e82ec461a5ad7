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
export const idleMinutesFor = (siteIdleMinutes: number[]) =>
  siteIdleMinutes.length ? Math.min(...siteIdleMinutes) : DEFAULT_IDLE_MINUTES;

// Throttling of failed sign-ins per account.
export const THROTTLE_MAX_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const THROTTLE_LOCK_MS = 15 * 60_000;

export type ThrottleFacts = { failures: number; windowStart: Date; lockedUntil: Date | null };

export const isLockedOut = (t: ThrottleFacts | null, now: Date) => !!t?.lockedUntil && t.lockedUntil.getTime() > now.getTime();

/** The throttle row after one more failure at `now`. */
export function afterFailure(t: ThrottleFacts | null, now: Date): ThrottleFacts {
  const fresh = !t || now.getTime() - t.windowStart.getTime() > THROTTLE_WINDOW_MS;
  const failures = fresh ? 1 : t.failures + 1;
  const windowStart = fresh ? now : t.windowStart;
  const lockedUntil = failures >= THROTTLE_MAX_FAILURES ? new Date(now.getTime() + THROTTLE_LOCK_MS) : null;
  return { failures, windowStart, lockedUntil };
}
