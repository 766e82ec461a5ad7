// Data tests against the real PostgreSQL (scripts/test-unit.sh). Each test makes its own rows.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { createUser, disableUser, enableUser, listUsers, resetSecondFactor, unlockUser, updateUser, userForEdit } from "./data";
import { createUserSchema, updateUserSchema } from "./schema";

let n = 0;
const unique = () => `${Date.now().toString(36)}-${(n++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/**
 * Two administrators: `actor` administers site and site2; `other` administers siteB only (another clinic
 * of the same installation). Neither can see or change the other's users.
 */
async function fixture() {
  const u = unique();
  const newSite = (code: string, name: string) =>
    db().site.create({
      data: { code: `${code}-${u}`, name: `${name} ${u}`, settingType: "OUTPATIENT", address1: "1 Main St", city: "Hudson", state: "NY", zip: "12534" },
      select: { id: true },
    });
  const site = await newSite("U", "Users test");
  const site2 = await newSite("U2", "Users test 2");
  const siteB = await newSite("UB", "Other clinic");
  const newAdmin = async (name: string, siteIds: string[]) => {
    const a = await db().user.create({
      data: {
        email: `${name}-${u}@test.example`,
        firstName: "Ada",
        lastName: name,
        role: "ADMIN",
        passwordHash: "x",
        sites: { create: siteIds.map((siteId) => ({ siteId })) },
      },
    });
    return { id: a.id, email: a.email, role: a.role, siteIds };
  };
  const actor = await newAdmin("admin", [site.id, site2.id]);
  const other = await newAdmin("adminb", [siteB.id]);
  const create = (over: Partial<Parameters<typeof createUserSchema.parse>[0]> = {}, by = actor) =>
    createUser(
      by,
      createUserSchema.parse({ firstName: "Rosa", lastName: "Diaz", email: `rosa-${u}@test.example`, role: "NURSE", siteIds: [site.id], ...over }),
    );
  return { u, site, site2, siteB, actor, other, create };
}

const openSessions = (userId: string) => db().authSession.count({ where: { userId, revokedAt: null } });
const addSessions = (userId: string, count: number) =>
  db().authSession.createMany({
    data: Array.from({ length: count }, (_, i) => ({ id: `t-${userId}-${unique()}-${i}`, userId, expiresAt: new Date(Date.now() + 3_600_000) })),
  });
const error = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as HttpError,
  );

describe("creating a user", () => {
  it("creates the account with no password anyone knows and answers a one-time code, stored only as a hash", async () => {
    const f = await fixture();
    const created = await f.create({ siteIds: [f.site.id, f.site2.id] });
    expect(created.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(new Date(created.expiresAt).getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    const row = await db().user.findUniqueOrThrow({
      where: { id: created.id },
      select: { passwordHash: true, sites: { select: { siteId: true } }, passwordResets: true },
    });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.sites.map((s) => s.siteId).sort()).toEqual([f.site.id, f.site2.id].sort());
    expect(row.passwordResets).toHaveLength(1);
    expect(row.passwordResets[0].codeHash).not.toContain(created.code.replaceAll("-", ""));
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.create", entityId: created.id } });
    expect(audit.actorId).toBe(f.actor.id);
    expect(audit.after).toMatchObject({ email: `rosa-${f.u}@test.example`, role: "NURSE", passwordSet: false });
    const issued = await db().auditEvent.findFirstOrThrow({ where: { action: "user.password_reset_issued", entityId: created.id } });
    expect(issued.after).toMatchObject({ purpose: "new_account" });
    expect(
      JSON.stringify(await db().auditEvent.findMany({ where: { entityId: created.id }, select: { before: true, after: true, reason: true } })),
    ).not.toContain(created.code.replaceAll("-", "").slice(0, 10));
  });

  it("refuses a duplicate email (in any case) with the message at the email field", async () => {
    const f = await fixture();
    await f.create();
    const e = await error(f.create({ email: `ROSA-${f.u}@test.example` }));
    expect(e.status).toBe(409);
    expect(e.fieldErrors?.email).toEqual(["A user with this email already exists"]);
  });

  it("refuses a site that does not exist: it is not one the administrator administers (403)", async () => {
    const f = await fixture();
    const e = await error(f.create({ siteIds: [f.site.id, "no-such-site"] }));
    expect(e.status).toBe(403);
    expect(e.fieldErrors?.siteIds).toEqual(["You can only give access to sites you administer."]);
  });
});

describe("editing a user", () => {
  it("saves with the current version, moves the sites, and audits before → after", async () => {
    const f = await fixture();
    const { id } = await f.create();
    const u = (await userForEdit(id))!;
    const saved = await updateUser(f.actor, id, updateUserSchema.parse({ ...u, telephone: "518-555-0001", siteIds: [f.site2.id] }));
    expect(saved.version).toBe(u.version + 1);
    const after = (await userForEdit(id))!;
    expect(after).toMatchObject({ telephone: "518-555-0001", siteIds: [f.site2.id], version: u.version + 1 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.update", entityId: id } });
    expect(audit.before).toMatchObject({ telephone: "", siteIds: [f.site.id] });
    expect(audit.after).toMatchObject({ telephone: "518-555-0001", siteIds: [f.site2.id] });
  });

  it("refuses a stale version with 409 instead of overwriting the other change", async () => {
    const f = await fixture();
    const { id } = await f.create();
    const opened = (await userForEdit(id))!;
    await updateUser(f.actor, id, updateUserSchema.parse({ ...opened, telephone: "518-555-0001" }));
    const e = await error(updateUser(f.actor, id, updateUserSchema.parse({ ...opened, telephone: "518-555-0002" })));
    expect(e.status).toBe(409);
    expect(e.code).toBe("VERSION_CONFLICT");
    expect((await userForEdit(id))!.telephone).toBe("518-555-0001");
    expect(await db().auditEvent.count({ where: { action: "user.update", entityId: id } })).toBe(1);
  });

  it("a new role ends open sessions, audited with how many", async () => {
    const f = await fixture();
    const { id } = await f.create();
    await addSessions(id, 2);
    const u = (await userForEdit(id))!;
    await updateUser(f.actor, id, updateUserSchema.parse({ ...u, role: "PSYCHIATRIST" }));
    expect(await openSessions(id)).toBe(0);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.update", entityId: id } });
    expect(audit.after).toMatchObject({ role: "PSYCHIATRIST", sessionsEnded: 2 });
  });

  it("an edit without a new password keeps the password and the sessions", async () => {
    const f = await fixture();
    const { id } = await f.create();
    await addSessions(id, 1);
    const before = await db().user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } });
    const u = (await userForEdit(id))!;
    await updateUser(f.actor, id, updateUserSchema.parse({ ...u, firstName: "Rosalind" }));
    expect((await db().user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash).toBe(before.passwordHash);
    expect(await openSessions(id)).toBe(1);
  });

  it("refuses another user's email at the email field", async () => {
    const f = await fixture();
    await f.create();
    const { id } = await f.create({ email: `other-${f.u}@test.example` });
    const u = (await userForEdit(id))!;
    const e = await error(updateUser(f.actor, id, updateUserSchema.parse({ ...u, email: `rosa-${f.u}@test.example` })));
    expect(e.fieldErrors?.email).toEqual(["A user with this email already exists"]);
  });

  it("an administrator cannot take away their own administrator role", async () => {
    const f = await fixture();
    const me = (await userForEdit(f.actor.id))!;
    const e = await error(updateUser(f.actor, f.actor.id, updateUserSchema.parse({ ...me, role: "NURSE" })));
    expect(e.status).toBe(422);
    expect(e.fieldErrors?.role).toEqual(["You cannot remove your own administrator role"]);
  });
});

describe("disabling and enabling", () => {
  it("disabling sets disabledAt and revokes every open session in the same transaction, with the reason audited", async () => {
    const f = await fixture();
    const { id } = await f.create();
    await addSessions(id, 2);
    const versionBefore = (await userForEdit(id))!.version;
    const r = await disableUser(f.actor, id, "Left the clinic");
    expect(r.sessionsEnded).toBe(2);
    expect(await openSessions(id)).toBe(0);
    const sessions = await db().authSession.findMany({ where: { userId: id }, select: { revokedReason: true } });
    expect(sessions.map((s) => s.revokedReason)).toEqual(["user_disabled", "user_disabled"]);
    const u = (await userForEdit(id))!;
    expect(u.disabledAt).not.toBeNull();
    expect(u.version).toBe(versionBefore); // an open edit form of this user stays valid
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.disable", entityId: id } });
    expect(audit.reason).toBe("Left the clinic");
    expect(audit.after).toMatchObject({ sessionsEnded: 2 });
  });

  it("an administrator cannot disable themself (422, nothing written)", async () => {
    const f = await fixture();
    const e = await error(disableUser(f.actor, f.actor.id, "Testing"));
    expect(e.status).toBe(422);
    expect(e.message).toMatch(/cannot disable your own account/);
    expect((await userForEdit(f.actor.id))!.disabledAt).toBeNull();
  });

  it("enabling lets the user in again, audited; a second enable is a 409", async () => {
    const f = await fixture();
    const { id } = await f.create();
    await disableUser(f.actor, id, "On leave");
    await enableUser(f.actor, id, "Back from leave");
    expect((await userForEdit(id))!.disabledAt).toBeNull();
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.enable", entityId: id } });
    expect(audit.reason).toBe("Back from leave");
    expect(audit.after).toEqual({ disabledAt: null });
    expect((await error(enableUser(f.actor, id, "Again"))).status).toBe(409);
  });

  it("the list shows status, site names and the last sign-in", async () => {
    const f = await fixture();
    const { id } = await f.create();
    await addSessions(id, 1);
    await disableUser(f.actor, id, "Left");
    const row = (await listUsers(f.actor)).find((x) => x.id === id)!;
    expect(row.siteNames).toEqual([`Users test ${f.u}`]);
    expect(row.disabledAt).not.toBeNull();
    expect(row.lastSignInAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toMatch(/passwordHash|argon2/);
  });
});

describe("an administrator's scope is their own sites", () => {
  const denials = (actorId: string) => db().auditEvent.count({ where: { action: "access.denied", actorId } });

  it("refuses to create a user at a site they do not administer (403 at the sites field), saving nothing", async () => {
    const f = await fixture();
    const before = await denials(f.actor.id);
    const e = await error(f.create({ siteIds: [f.site.id, f.siteB.id] }));
    expect(e.status).toBe(403);
    expect(e.fieldErrors?.siteIds?.[0]).toMatch(/sites you administer/);
    expect(await db().user.count({ where: { email: `rosa-${f.u}@test.example` } })).toBe(0);
    expect(await denials(f.actor.id)).toBe(before + 1);
  });

  it("refuses to grant another site to a user of theirs, or to themselves (403), leaving the sites as they were", async () => {
    const f = await fixture();
    const { id } = await f.create();
    const u = (await userForEdit(id))!;
    expect((await error(updateUser(f.actor, id, updateUserSchema.parse({ ...u, siteIds: [f.site.id, f.siteB.id] })))).status).toBe(403);
    expect((await userForEdit(id))!.siteIds).toEqual([f.site.id]);
    const me = (await userForEdit(f.actor.id))!;
    expect((await error(updateUser(f.actor, f.actor.id, updateUserSchema.parse({ ...me, siteIds: [...me.siteIds, f.siteB.id] })))).status).toBe(403);
    expect(await db().userSite.count({ where: { userId: f.actor.id, siteId: f.siteB.id } })).toBe(0);
  });

  it("another site's user does not exist for them: edit, disable, enable, one-time code and unlock are 404", async () => {
    const f = await fixture();
    const { id } = await f.create({ email: `b-nurse-${f.u}@test.example`, siteIds: [f.siteB.id] }, f.other);
    const u = (await userForEdit(id))!;
    const { issueResetCode } = await import("@/lib/auth/password-reset");
    expect((await error(updateUser(f.actor, id, updateUserSchema.parse({ ...u, firstName: "Hijacked" })))).status).toBe(404);
    expect((await error(disableUser(f.actor, id, "Not mine"))).status).toBe(404);
    expect((await error(enableUser(f.actor, id, "Not mine"))).status).toBe(404);
    expect((await error(issueResetCode(f.actor, id))).status).toBe(404);
    expect((await error(unlockUser(f.actor, id, "Not mine"))).status).toBe(404);
    const after = (await userForEdit(id))!;
    expect(after).toMatchObject({ firstName: "Rosa", disabledAt: null, version: u.version });
    expect(await db().passwordReset.count({ where: { userId: id } })).toBe(1); // only the one from account creation
    expect((await listUsers(f.actor)).map((x) => x.id)).not.toContain(id);
  });

  it("a user who also works at a site they do not administer is listed but not theirs to change", async () => {
    const f = await fixture();
    const { id } = await f.create({ email: `shared-${f.u}@test.example`, siteIds: [f.siteB.id] }, f.other);
    await db().userSite.create({ data: { userId: id, siteId: f.site.id } }); // also works at the actor's site
    const row = (await listUsers(f.actor)).find((x) => x.id === id)!;
    expect(row).toMatchObject({ manageable: false, siteNames: [`Users test ${f.u}`] });
    const u = (await userForEdit(id))!;
    expect((await error(updateUser(f.actor, id, updateUserSchema.parse({ ...u, role: "ADMIN", siteIds: [f.site.id] })))).status).toBe(404);
    expect((await userForEdit(id))!).toMatchObject({ role: "NURSE", siteIds: [f.site.id, f.siteB.id].sort() });
  });
});

describe("unlocking an account", () => {
  it("lifts the sign-in lock now, audited with the lock it ended; an account not locked is a 409", async () => {
    const f = await fixture();
    const { id } = await f.create();
    const email = `rosa-${f.u}@test.example`;
    const until = new Date(Date.now() + 10 * 60_000);
    await db().loginThrottle.create({ data: { accountKey: email, failures: 5, windowStart: new Date(), lockedUntil: until } });
    expect((await listUsers(f.actor)).find((x) => x.id === id)!.lockedUntil).toBe(until.toISOString());
    await unlockUser(f.actor, id, "Called the clinic, identity checked");
    expect(await db().loginThrottle.count({ where: { accountKey: email } })).toBe(0);
    expect((await userForEdit(id))!.lockedUntil).toBeNull();
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.unlock", entityId: id } });
    expect(audit).toMatchObject({
      actorId: f.actor.id,
      reason: "Called the clinic, identity checked",
      before: { lockedUntil: until.toISOString(), failures: 5 },
    });
    expect((await error(unlockUser(f.actor, id, "Again"))).status).toBe(409);
  });
});

describe("turning off another user's two-step sign-in", () => {
  it("removes the secret and recovery codes, ends their sessions, audits the reason; not on is a 409, another site's user a 404, oneself refused", async () => {
    const f = await fixture();
    const { id } = await f.create({ role: "PSYCHIATRIST" });
    await db().user.update({ where: { id }, data: { totpSecret: "sealed", totpEnabledAt: new Date(), totpLastStep: 7 } });
    await db().recoveryCode.createMany({
      data: [
        { userId: id, codeHash: `h1-${f.u}`, createdAt: new Date() },
        { userId: id, codeHash: `h2-${f.u}`, createdAt: new Date() },
      ],
    });
    await addSessions(id, 2);
    expect((await userForEdit(id))!.secondFactorOn).toBe(true);
    expect((await error(resetSecondFactor(f.other, id, "Not mine"))).status).toBe(404);
    expect((await error(resetSecondFactor(f.actor, f.actor.id, "Myself"))).status).toBe(422);

    expect(await resetSecondFactor(f.actor, id, "Lost phone; identity checked in person")).toEqual({ id, sessionsEnded: 2 });
    const row = await db().user.findUniqueOrThrow({ where: { id }, select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
    expect(row).toEqual({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db().recoveryCode.count({ where: { userId: id } })).toBe(0);
    expect(await openSessions(id)).toBe(0);
    expect((await userForEdit(id))!.secondFactorOn).toBe(false);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.totp_reset", entityId: id } });
    expect(audit).toMatchObject({
      actorId: f.actor.id,
      reason: "Lost phone; identity checked in person",
      after: { totpEnabledAt: null, recoveryCodesRemoved: 2, sessionsEnded: 2 },
    });
    expect((await error(resetSecondFactor(f.actor, id, "Again"))).status).toBe(409);
  });
});
