import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { createUser, setUserDisabled, updateUser, userForEdit } from "./data";
import { createUserSchema, updateUserSchema } from "./schema";

const admin = { id: "admin-test", email: "admin@test.example", role: "ADMIN" };

describe("user administration", () => {
  it("disabling a user ends every open session at once, and is audited with the reason", async () => {
    const c = await clinicFixture();
    await db().authSession.createMany({ data: [1, 2].map((i) => ({ id: `s-${c.nurse.id}-${i}`, userId: c.nurse.id, expiresAt: new Date(Date.now() + 3_600_000) })) });
    await setUserDisabled(admin, c.nurse.id, true, "Left the clinic");
    expect(await db().authSession.count({ where: { userId: c.nurse.id, revokedAt: null } })).toBe(0);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.disable", entityId: c.nurse.id } });
    expect(audit.reason).toBe("Left the clinic");
    expect(audit.after).toMatchObject({ sessionsEnded: 2 });
  });

  it("refuses a stale version instead of overwriting, and keeps the password hash out of the audit", async () => {
    const c = await clinicFixture();
    const u = (await userForEdit(c.nurse.id))!;
    const input = updateUserSchema.parse({ ...u, telephone: "518-555-0001", version: u.version, password: "a-new-long-password" });
    await updateUser(admin, c.nurse.id, input);
    const stale = await updateUser(admin, c.nurse.id, { ...input, telephone: "518-555-0002" }).catch((e) => e);
    expect(stale).toBeInstanceOf(HttpError);
    expect((stale as HttpError).status).toBe(409);
    expect((await userForEdit(c.nurse.id))!.telephone).toBe("518-555-0001");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.update", entityId: c.nurse.id } });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain("argon2");
    expect(audit.after).toMatchObject({ passwordChanged: true });
  });

  it("refuses a duplicate email with a message at the field", async () => {
    const c = await clinicFixture();
    const e = await createUser(admin, createUserSchema.parse({ firstName: "A", lastName: "B", email: c.nurse.email, role: "NURSE", password: "long-enough-password", siteIds: [c.site.id] })).catch((x) => x);
    expect((e as HttpError).fieldErrors?.email).toEqual(["A user with this email already exists"]);
  });
});
