// Data tests against the real PostgreSQL: sign-in throttling per account, per client address and overall.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hashPassword } from "./password";
import { signInWithPassword } from "./sign-in";
import { ADDRESS_LIMITS, GLOBAL_THROTTLE_KEY, GLOBAL_LIMITS, THROTTLE_MAX_FAILURES } from "./session-rules";

let n = 0;
const unique = () => `${Date.now().toString(36)}-${(n++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const PASSWORD = "violet-harbor-lantern-7";

async function account(u: string, i = 0) {
  const email = `thr-${u}-${i}@test.example`;
  await db().user.create({ data: { email, firstName: "Tess", lastName: "Throttle", role: "NURSE", passwordHash: await hashPassword(PASSWORD) } });
  return email;
}
const attempt = (email: string, password: string, ip: string | null) => signInWithPassword({ email, password }, { ip, userAgent: "vitest" });
const refusedLock = (r: Awaited<ReturnType<typeof attempt>>) => ("refused" in r ? r.lock : undefined);

describe("sign-in throttling", () => {
  it(`locks an account after ${THROTTLE_MAX_FAILURES} failures, even for the right password, and says until when`, async () => {
    const u = unique();
    const email = await account(u);
    for (let i = 0; i < THROTTLE_MAX_FAILURES - 1; i++) expect(refusedLock(await attempt(email, "wrong-password-here", `192.0.2.${i}`))).toBeNull();
    const last = refusedLock(await attempt(email, "wrong-password-here", "192.0.2.99"));
    expect(last).toMatchObject({ scope: "account" });
    const right = refusedLock(await attempt(email, PASSWORD, "198.51.100.7"));
    expect(right?.scope).toBe("account");
    expect(right!.until.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  it("one address spraying passwords across many accounts is paused, while the same accounts still sign in from elsewhere", async () => {
    const u = unique();
    const addr = `2001:db8::${(n++).toString(16)}:${Date.now().toString(16).slice(-4)}`;
    const emails = await Promise.all(Array.from({ length: 7 }, (_, i) => account(u, i)));
    let lock = null as ReturnType<typeof refusedLock>;
    // Three failures per account (below the account limit) across 7 accounts: 21 from one address.
    for (let i = 0; i < ADDRESS_LIMITS.maxFailures; i++) lock = refusedLock(await attempt(emails[i % emails.length], `guess-${i}-password`, addr));
    expect(lock).toMatchObject({ scope: "address" });
    // The right password from that address is refused too, with the address lock …
    expect(refusedLock(await attempt(emails[0], PASSWORD, addr))?.scope).toBe("address");
    // … but the clinician signs in from another address: the accounts themselves are not locked.
    const ok = await attempt(emails[0], PASSWORD, "198.51.100.20");
    expect("sid" in ok).toBe(true);
    const row = await db().loginThrottle.findUniqueOrThrow({ where: { accountKey: `ip:${addr}` } });
    expect(row.failures).toBe(ADDRESS_LIMITS.maxFailures);
  });

  it("a success clears the account's counter but not the address's", async () => {
    const u = unique();
    const email = await account(u);
    const addr = `198.18.${n++ % 250}.${Date.now() % 250}`;
    await attempt(email, "wrong-password-here", addr);
    await attempt(email, PASSWORD, addr);
    expect(await db().loginThrottle.count({ where: { accountKey: email } })).toBe(0);
    expect((await db().loginThrottle.findUniqueOrThrow({ where: { accountKey: `ip:${addr}` } })).failures).toBeGreaterThanOrEqual(1);
  });

  it("the installation-wide limit pauses every sign-in once reached, and the refusal says so", async () => {
    const u = unique();
    const email = await account(u);
    const saved = await db().loginThrottle.findUnique({ where: { accountKey: GLOBAL_THROTTLE_KEY } });
    try {
      await db().loginThrottle.upsert({
        where: { accountKey: GLOBAL_THROTTLE_KEY },
        create: { accountKey: GLOBAL_THROTTLE_KEY, failures: GLOBAL_LIMITS.maxFailures - 1, windowStart: new Date() },
        update: { failures: GLOBAL_LIMITS.maxFailures - 1, windowStart: new Date(), lockedUntil: null },
      });
      expect(refusedLock(await attempt(email, "wrong-password-here", null))?.scope).toBe("global");
      expect(refusedLock(await attempt(email, PASSWORD, null))?.scope).toBe("global");
    } finally {
      // Leave the shared counter as it was, so later files can sign in.
      if (saved)
        await db().loginThrottle.update({
          where: { accountKey: GLOBAL_THROTTLE_KEY },
          data: { failures: saved.failures, windowStart: saved.windowStart, lockedUntil: saved.lockedUntil },
        });
      else await db().loginThrottle.delete({ where: { accountKey: GLOBAL_THROTTLE_KEY } });
    }
    expect("sid" in (await attempt(email, PASSWORD, null))).toBe(true);
  });

  it("counts concurrent failures from several servers without losing any", async () => {
    const u = unique();
    const email = await account(u);
    const addr = `198.19.${n++ % 250}.${Date.now() % 250}`;
    await Promise.all(Array.from({ length: 4 }, () => attempt(email, "wrong-password-here", addr)));
    expect((await db().loginThrottle.findUniqueOrThrow({ where: { accountKey: email } })).failures).toBe(4);
    expect((await db().loginThrottle.findUniqueOrThrow({ where: { accountKey: `ip:${addr}` } })).failures).toBe(4);
  });
});
