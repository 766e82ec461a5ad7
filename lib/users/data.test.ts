// Data tests against the real PostgreSQL (scripts/test-unit.sh). Each test makes its own rows.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { verifyPassword } from "@/lib/auth/password";
import { createUser, disableUser, enableUser, listUsers, updateUser, userForEdit } from "./data";
import { createUserSchema, updateUserSchema } from "./schema";

let n = 0;
const unique = () => `${Date.now().toString(36)}-${(n++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

async function fixture() {
  const u = unique();
  const site = await db().site.create({ data: { code: `U-${u}`, name: `Users test ${u}`, settingType: "OUTPATIENT", address1: "1 Main St", city: "Hudson", state: "NY", zip: "12534" }, select: { id: true } });
  const site2 = await db().site.create({ data: { code: `U2-${u}`, name: `Users test 2 ${u}`, settingType: "INPATIENT", address1: "2 Main St", city: "Hudson", state: "NY", zip: "12534" }, select: { id: true } });
  const admin = await db().user.create({ data: { email: `admin-${u}@test.example`, firstName: "Ada", lastName: "Admin", role: "ADMIN", passwordHash: "x", sites: { create: { siteId: site.id } } } });
  const actor = { id: admin.id, email: admin.email, role: admin.role };
  const create = (over: Partial<Parameters<typeof createUserSchema.parse>[0]> = {}) =>
    createUser(actor, createUserSchema.parse({ firstName: "Rosa", lastName: "Diaz", email: `rosa-${u}@test.example`, role: "NURSE", password: "a-long-enough-password", siteIds: [site.id], ...over }));
  return { u, site, site2, actor, create };
}

const openSessions = (userId: string) => db().authSession.count({ where: { userId, revokedAt: null } });
const addSessions = (userId: string, count: number) =>
  db().authSession.createMany({ data: Array.from({ length: count }, (_, i) => ({ id: `t-${userId}-${unique()}-${i}`, userId, expiresAt: new Date(Date.now() + 3_600_000) })) });
const error = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a refusal"); }, (e: unknown) => e as HttpError);

describe("creating a user", () => {
  it("stores a hashed password, the chosen sites, and an audit row without the hash", async () => {
    const f = await fixture();
    const { id } = await f.create({ siteIds: [f.site.id, f.site2.id] });
    const row = await db().user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, sites: { select: { siteId: true } } } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, "a-long-enough-password")).toBe(true);
    expect(row.sites.map((s) => s.siteId).sort()).toEqual([f.site.id, f.site2.id].sort());
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.create", entityId: id } });
    expect(audit.actorId).toBe(f.actor.id);
    expect(audit.after).toMatchObject({ email: `rosa-${f.u}@test.example`, role: "NURSE", passwordSet: true });
    expect(JSON.stringify(audit.after)).not.toMatch(/argon2|passwordHash|a-long-enough-password/);
  });

  it("refuses a duplicate email (in any case) with the message at the email field", async () => {
    const f = await fixture();
    await f.create();
    const e = await error(f.create({ email: `ROSA-${f.u}@test.example` }));
    expect(e.status).toBe(409);
    expect(e.fieldErrors?.email).toEqual(["A user with this email already exists"]);
  });

  it("refuses a site that does not exist", async () => {
    const f = await fixture();
    const e = await error(f.create({ siteIds: [f.site.id, "no-such-site"] }));
    expect(e.status).toBe(422);
    expect(e.fieldErrors?.siteIds).toEqual(["Choose sites from the list"]);
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
    expect(audit.after).toMatchObject({ telephone: "518-555-0001", siteIds: [f.site2.id], passwordChanged: false });
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

  it("a new password ends open sessions and is audited only as passwordChanged", async () => {
    const f = await fixture();
    const { id } = await f.create();
    await addSessions(id, 2);
    const u = (await userForEdit(id))!;
    await updateUser(f.actor, id, updateUserSchema.parse({ ...u, password: "another-long-password" }));
    expect(await openSessions(id)).toBe(0);
    const row = await db().user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash, "another-long-password")).toBe(true);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.update", entityId: id } });
    expect(audit.after).toMatchObject({ passwordChanged: true, sessionsEnded: 2 });
    expect(JSON.stringify([audit.before, audit.after])).not.toMatch(/argon2|another-long-password/);
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
    const row = (await listUsers()).find((x) => x.id === id)!;
    expect(row.siteNames).toEqual([`Users test ${f.u}`]);
    expect(row.disabledAt).not.toBeNull();
    expect(row.lastSignInAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toMatch(/passwordHash|argon2/);
  });
});
