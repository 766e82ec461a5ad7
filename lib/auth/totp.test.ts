// Data tests against the real PostgreSQL: optional two-step sign-in (TOTP) with recovery codes.
import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { hashPassword } from "./password";
import { signInWithPassword } from "./sign-in";
import { disableTotp, enableTotp, newTotpSetup, totpStatus } from "./totp";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "vitest-secret-for-totp-0123456789";
});

let n = 0;
const unique = () => `${Date.now().toString(36)}-${(n++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const PASSWORD = "violet-harbor-lantern-7";
const error = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as HttpError,
  );
const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

async function person(role: "PSYCHIATRIST" | "NURSE" = "PSYCHIATRIST") {
  const email = `totp-${unique()}@test.example`;
  const u = await db().user.create({ data: { email, firstName: "Tara", lastName: "Otp", role, passwordHash: await hashPassword(PASSWORD) } });
  return { id: u.id, email, role: u.role as string };
}
const signIn = (email: string, otp?: string) => signInWithPassword({ email, password: PASSWORD, ...(otp === undefined ? {} : { otp }) }, { ip: null });

describe("two-step sign-in", () => {
  it("is turned on with a code from the app; the secret is stored encrypted; ten recovery codes are answered once", async () => {
    const me = await person();
    const { secret, uri } = newTotpSetup(me.email);
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect((await error(enableTotp(me, secret, "000000"))).fieldErrors?.code?.[0]).toMatch(/does not match/);
    const { recoveryCodes } = await enableTotp(me, secret, await codeAt(secret, new Date()));
    expect(recoveryCodes).toHaveLength(10);
    const row = await db().user.findUniqueOrThrow({ where: { id: me.id }, select: { totpSecret: true, totpEnabledAt: true } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpSecret).not.toContain(secret);
    expect(await totpStatus(me.id)).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    expect(await db().auditEvent.count({ where: { action: "user.totp_enable", entityId: me.id } })).toBe(1);
  });

  it("is for psychiatrists and administrators only", async () => {
    const nurse = await person("NURSE");
    const { secret } = newTotpSetup(nurse.email);
    expect((await error(enableTotp(nurse, secret, await codeAt(secret, new Date())))).status).toBe(403);
  });

  it("then the password alone asks for the code, a wrong code is a counted failure, a right code signs in once", async () => {
    const me = await person();
    const { secret } = newTotpSetup(me.email);
    const enabledAt = new Date(Date.now() - 90_000); // enabled with an earlier code, so the current one is unused
    await enableTotp(me, secret, await codeAt(secret, new Date()));
    await db().user.update({ where: { id: me.id }, data: { totpLastStep: Math.floor(enabledAt.getTime() / 30_000) } });
    expect(await signIn(me.email)).toEqual({ refused: true, lock: null, needsSecondFactor: true });
    expect(await db().loginThrottle.count({ where: { accountKey: me.email } })).toBe(0);
    expect(await signIn(me.email, "123456")).toMatchObject({ refused: true });
    expect((await db().loginThrottle.findUniqueOrThrow({ where: { accountKey: me.email } })).failures).toBe(1);
    const code = await codeAt(secret, new Date());
    expect("sid" in (await signIn(me.email, code))).toBe(true);
    expect(await signIn(me.email, code)).toMatchObject({ refused: true }); // the same code cannot be replayed
  });

  it("a recovery code signs in once, audited", async () => {
    const me = await person();
    const { secret } = newTotpSetup(me.email);
    const { recoveryCodes } = await enableTotp(me, secret, await codeAt(secret, new Date()));
    expect("sid" in (await signIn(me.email, recoveryCodes[3].toLowerCase()))).toBe(true);
    expect(await signIn(me.email, recoveryCodes[3])).toMatchObject({ refused: true });
    expect(await totpStatus(me.id)).toEqual({ enabled: true, recoveryCodesLeft: 9 });
    expect(await db().auditEvent.count({ where: { action: "auth.recovery_code_used", entityId: me.id } })).toBe(1);
  });

  it("is turned off only with the current password", async () => {
    const me = await person();
    const { secret } = newTotpSetup(me.email);
    await enableTotp(me, secret, await codeAt(secret, new Date()));
    expect((await error(disableTotp(me, "not-my-password"))).fieldErrors?.password).toEqual(["This is not your current password"]);
    await disableTotp(me, PASSWORD);
    expect(await totpStatus(me.id)).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    expect("sid" in (await signIn(me.email))).toBe(true);
  });
});
