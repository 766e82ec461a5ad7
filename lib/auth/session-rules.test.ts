import { describe, expect, it } from "vitest";
import { afterFailure, idleMinutesFor, isLockedOut, sessionExpiry, sessionState, THROTTLE_MAX_FAILURES } from "./session-rules";

const t0 = new Date("2026-03-08T06:30:00Z"); // the night US clocks go forward: elapsed time must not care
const min = (n: number) => new Date(t0.getTime() + n * 60_000);
const fresh = (over: Partial<Parameters<typeof sessionState>[0]> = {}) => ({
  createdAt: t0,
  lastSeenAt: t0,
  expiresAt: sessionExpiry(t0),
  revokedAt: null,
  userDisabledAt: null,
  ...over,
});

describe("server-side session", () => {
  it("is good just before the idle limit and locked at it (9:59 vs 10:00)", () => {
    expect(sessionState(fresh(), new Date(min(10).getTime() - 1000), 10)).toEqual({ ok: true });
    expect(sessionState(fresh(), min(10), 10)).toEqual({ ok: false, reason: "idle" });
  });

  it("uses the site's idle setting", () => {
    expect(sessionState(fresh(), min(4), 5).ok).toBe(true);
    expect(sessionState(fresh(), min(5), 5)).toEqual({ ok: false, reason: "idle" });
  });

  it("ends at 12 hours even when the user is active the whole time", () => {
    const active = fresh({ lastSeenAt: min(12 * 60 - 1) });
    expect(sessionState(active, min(12 * 60 - 0.5), 10).ok).toBe(true);
    expect(sessionState(fresh({ lastSeenAt: min(12 * 60) }), min(12 * 60), 10)).toEqual({ ok: false, reason: "expired" });
  });

  it("is ended at once by sign-out (revocation) or by disabling the user", () => {
    expect(sessionState(fresh({ revokedAt: min(1) }), min(1), 10)).toEqual({ ok: false, reason: "revoked" });
    expect(sessionState(fresh({ userDisabledAt: min(1) }), min(1), 10)).toEqual({ ok: false, reason: "disabled" });
  });

  it("applies the strictest idle lock of the user's sites, 10 minutes when none is set", () => {
    expect(idleMinutesFor([10, 5, 15])).toBe(5);
    expect(idleMinutesFor([])).toBe(10);
  });
});

describe("sign-in throttling per account", () => {
  it(`locks the account after ${THROTTLE_MAX_FAILURES} failures within the window, not before`, () => {
    let t = null as ReturnType<typeof afterFailure> | null;
    for (let i = 1; i < THROTTLE_MAX_FAILURES; i++) {
      t = afterFailure(t, min(i));
      expect(isLockedOut(t, min(i))).toBe(false);
    }
    t = afterFailure(t, min(THROTTLE_MAX_FAILURES));
    expect(isLockedOut(t, min(THROTTLE_MAX_FAILURES))).toBe(true);
    expect(isLockedOut(t, min(THROTTLE_MAX_FAILURES + 15))).toBe(false);
  });

  it("starts counting again after the 15-minute window", () => {
    let t = afterFailure(null, t0);
    for (let i = 0; i < 3; i++) t = afterFailure(t, min(1));
    expect(t.failures).toBe(4);
    t = afterFailure(t, min(16));
    expect(t.failures).toBe(1);
    expect(t.lockedUntil).toBeNull();
  });
});

describe("the client address for throttling", () => {
  it("believes X-Forwarded-For only behind a trusted proxy, taking the entry our proxy added (right-most)", async () => {
    const { clientAddress } = await import("./session-rules");
    expect(clientAddress("6.6.6.6, 203.0.113.9", 0, null)).toBeNull(); // not behind a trusted proxy: the header is the client's say-so
    expect(clientAddress("6.6.6.6, 203.0.113.9", 0, "10.0.0.2")).toBe("10.0.0.2");
    expect(clientAddress("6.6.6.6, 203.0.113.9", 1, null)).toBe("203.0.113.9"); // a spoofed left entry is ignored
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.5", 2, null)).toBe("203.0.113.9");
    expect(clientAddress("not an address", 1, "10.0.0.2")).toBe("10.0.0.2");
  });
});

describe("what a lock tells the person signing in", () => {
  it("travels as LOCKED:<scope>:<time> and reads as when it ends", async () => {
    const { lockedError, lockMessage, parseLockedError } = await import("./schema");
    const until = new Date("2026-12-04T21:45:00Z");
    const parsed = parseLockedError(lockedError("account", until));
    expect(parsed).toEqual({ scope: "account", until });
    expect(parseLockedError("CredentialsSignin")).toBeNull();
    expect(lockMessage(parsed!, new Date("2026-12-04T21:33:10Z"), "UTC")).toBe(
      "This account is locked after too many failed sign-ins. It unlocks at 21:45 (in 12 minutes), or an administrator can unlock it now.",
    );
    expect(lockMessage({ scope: "address", until }, new Date("2026-12-04T21:44:30Z"), "UTC")).toMatch(/from this network.*until 21:45 \(in 1 minute\)/);
  });
});
