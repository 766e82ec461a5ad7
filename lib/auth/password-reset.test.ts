// Data tests against the real PostgreSQL: one-time codes, the password policy at the server, own password change.
import { describe, expect, it } from "vitest";
import { atTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { hashPassword, verifyPassword } from "./password";
import { changeOwnPassword, issueResetCode, resetPasswordWithCode } from "./password-reset";
import { changePasswordSchema, resetWithCodeSchema } from "./schema";

let n = 0;
const unique = () => `${Date.now().toString(36)}-${(n++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const error = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as HttpError,
  );
const NEW = "violet-harbor-lantern-7";

async function fixture() {
  const u = unique();
  const site = await db().site.create({
    data: { code: `PR-${u}`, name: `Reset ${u}`, settingType: "OUTPATIENT", address1: "1 Main St", city: "Hudson", state: "NY", zip: "12534" },
    select: { id: true },
  });
  const admin = await db().user.create({
    data: { email: `admin-${u}@test.example`, firstName: "Ada", lastName: "Admin", role: "ADMIN", passwordHash: "x", sites: { create: { siteId: site.id } } },
  });
  const nurse = await db().user.create({
    data: {
      email: `nora-${u}@test.example`,
      firstName: "Nora",
      lastName: "Bishop",
      role: "NURSE",
      passwordHash: await hashPassword("the-old-password-1"),
      sites: { create: { siteId: site.id } },
    },
  });
  await db().authSession.createMany({ data: [0, 1].map((i) => ({ id: `pr-${u}-${i}`, userId: nurse.id, expiresAt: new Date(Date.now() + 3_600_000) })) });
  const actor = { id: admin.id, email: admin.email, role: admin.role, siteIds: [site.id] };
  const reset = (code: string, password = NEW, email = nurse.email, ip = `10.${u.length}.0.1`) =>
    resetPasswordWithCode(resetWithCodeSchema.parse({ email, code, password, confirm: password }), { ip });
  const hash = async () => (await db().user.findUniqueOrThrow({ where: { id: nurse.id }, select: { passwordHash: true } })).passwordHash;
  const openSessions = () => db().authSession.count({ where: { userId: nurse.id, revokedAt: null } });
  return { u, site, actor, nurse, reset, hash, openSessions };
}

describe("a one-time code chosen password", () => {
  it("sets the user's own password, uses the code up, ends every session of theirs, and is audited as theirs", async () => {
    const f = await fixture();
    const { code } = await issueResetCode(f.actor, f.nurse.id);
    const r = await f.reset(code.toLowerCase().replaceAll("-", " ")); // read out over the phone: case and spacing do not matter
    expect(r.sessionsEnded).toBe(2);
    expect(await verifyPassword(await f.hash(), NEW)).toBe(true);
    expect(await verifyPassword(await f.hash(), "the-old-password-1")).toBe(false);
    expect(await f.openSessions()).toBe(0);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.password_reset", entityId: f.nurse.id } });
    expect(audit.actorId).toBe(f.nurse.id);
    expect(JSON.stringify(audit.after)).not.toMatch(/argon2|violet/);
  });

  it("refuses a code used once already", async () => {
    const f = await fixture();
    const { code } = await issueResetCode(f.actor, f.nurse.id);
    await f.reset(code);
    const e = await error(f.reset(code, "another-fine-passphrase"));
    expect(e.status).toBe(422);
    expect(e.fieldErrors?.code?.[0]).toMatch(/already been used/);
    expect(await verifyPassword(await f.hash(), NEW)).toBe(true);
  });

  it("refuses a code after 24 hours", async () => {
    const f = await fixture();
    const { code } = await atTime(new Date(Date.now() - 24 * 3_600_000 - 60_000), () => issueResetCode(f.actor, f.nurse.id));
    const e = await error(f.reset(code));
    expect(e.fieldErrors?.code?.[0]).toMatch(/expired/);
    expect(await verifyPassword(await f.hash(), "the-old-password-1")).toBe(true);
  });

  it("refuses a wrong code, another user's code, and a code replaced by a newer one; each is audited and counted", async () => {
    const f = await fixture();
    const first = await issueResetCode(f.actor, f.nurse.id);
    const second = await issueResetCode(f.actor, f.nurse.id);
    expect((await error(f.reset("AAAAA-BBBBB-CCCCC-DDDDD"))).fieldErrors?.code?.[0]).toMatch(/not valid/);
    expect((await error(f.reset(second.code, NEW, f.actor.email))).fieldErrors?.code?.[0]).toMatch(/not valid/);
    expect((await error(f.reset(first.code))).fieldErrors?.code?.[0]).toMatch(/newer code/);
    expect(await db().auditEvent.count({ where: { action: "auth.password_reset_failed", after: { path: ["email"], equals: f.nurse.email } } })).toBe(2);
    expect((await db().loginThrottle.findUniqueOrThrow({ where: { accountKey: f.nurse.email } })).failures).toBe(2);
    expect(await verifyPassword(await f.hash(), "the-old-password-1")).toBe(true);
    await f.reset(second.code);
    expect(await verifyPassword(await f.hash(), NEW)).toBe(true);
  });

  it("holds the new password to the policy and keeps the code for a better try", async () => {
    const f = await fixture();
    const { code } = await issueResetCode(f.actor, f.nurse.id);
    const common = await error(f.reset(code, "Password2026!!"));
    expect(common.status).toBe(422);
    expect(common.fieldErrors?.password?.[0]).toMatch(/too common/);
    const personal = await error(f.reset(code, "nora-bishop-lantern"));
    expect(personal.fieldErrors?.password).toEqual(["The password must not contain your name or email address"]);
    expect(resetWithCodeSchema.safeParse({ email: f.nurse.email, code, password: "short", confirm: "short" }).success).toBe(false);
    await f.reset(code);
    expect(await verifyPassword(await f.hash(), NEW)).toBe(true);
  });

  it("issuing a code is audited without the code", async () => {
    const f = await fixture();
    const { code } = await issueResetCode(f.actor, f.nurse.id);
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: "user.password_reset_issued", entityId: f.nurse.id },
      select: { actorId: true, after: true },
    });
    expect(audit.actorId).toBe(f.actor.id);
    expect(audit.after).toMatchObject({ purpose: "reset" });
    expect(JSON.stringify(audit)).not.toContain(code.slice(0, 5));
  });
});

describe("changing one's own password", () => {
  it("needs the current password, applies the policy, and ends the user's other sessions only", async () => {
    const f = await fixture();
    const input = (currentPassword: string, password: string) => changePasswordSchema.parse({ currentPassword, password, confirm: password });
    const wrong = await error(changeOwnPassword(f.nurse, input("not-my-password", NEW)));
    expect(wrong.fieldErrors?.currentPassword).toEqual(["This is not your current password"]);
    const common = await error(changeOwnPassword(f.nurse, input("the-old-password-1", "qwertyuiop123")));
    expect(common.fieldErrors?.password?.[0]).toMatch(/too common/);
    const r = await changeOwnPassword(f.nurse, input("the-old-password-1", NEW), `pr-${f.u}-0`);
    expect(r.sessionsEnded).toBe(1);
    expect(await f.openSessions()).toBe(1);
    expect(await verifyPassword(await f.hash(), NEW)).toBe(true);
    expect(changePasswordSchema.safeParse({ currentPassword: "x", password: NEW, confirm: "different-one-here" }).error?.issues[0].path).toEqual(["confirm"]);
  });
});
