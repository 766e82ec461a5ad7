import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { fhirReader } from "@/lib/fhir/access";
import { refusal } from "@/lib/http/testing/refusal";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { apiTokensOf, createApiToken, hashToken, revokeApiToken, tokenPrincipal } from "./api-tokens";
import { createApiTokenSchema } from "./api-token-schema";

async function adminOf(siteIds: string[]) {
  const u = await db().user.create({
    data: {
      email: `admin-${Math.random().toString(36).slice(2)}@test.example`,
      firstName: "Ada",
      lastName: "Admin",
      role: "ADMIN",
      passwordHash: "x",
      sites: { create: siteIds.map((siteId) => ({ siteId })) },
    },
  });
  return { id: u.id, email: u.email, role: u.role, siteIds };
}
const bearer = (secret: string) => new Request("http://localhost/api/fhir/export", { headers: { authorization: `Bearer ${secret}` } });

describe("read-only API tokens", () => {
  it("stores only the SHA-256 of a 32-byte secret that is shown once, and audits the creation", async () => {
    const c = await clinicFixture();
    const admin = await adminOf([c.site.id]);
    const { id, secret } = await createApiToken(admin, createApiTokenSchema.parse({ name: "EHR interface engine", siteIds: [c.site.id] }));
    expect(secret).toMatch(/^est_[A-Za-z0-9_-]{43}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(10));
    expect(row).toMatchObject({ siteIds: [c.site.id], scopes: ["fhir.read"], lastUsedAt: null, revokedAt: null });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityType: "ApiToken", entityId: id } });
    expect(audit.action).toBe("api_token.create");
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain(secret.slice(10));
    expect((await apiTokensOf(admin)).map((t) => t.id)).toContain(id);
  });

  it("is created only for sites the administrator administers (403), and listed only to administrators of all its sites", async () => {
    const a = await clinicFixture(),
      b = await clinicFixture();
    const adminA = await adminOf([a.site.id]),
      adminAB = await adminOf([a.site.id, b.site.id]);
    expect((await refusal(createApiToken(adminA, { name: "Other clinic", siteIds: [b.site.id] }))).status).toBe(403);
    const { id } = await createApiToken(adminAB, { name: "Both clinics", siteIds: [a.site.id, b.site.id] });
    expect((await apiTokensOf(adminA)).map((t) => t.id)).not.toContain(id);
    expect((await refusal(revokeApiToken(adminA, id))).status).toBe(404);
    expect(createApiTokenSchema.safeParse({ name: "x", siteIds: [] }).success).toBe(false);
  });

  it("reads the FHIR routes of its sites, sets its last-used time, and is refused for another site (404, audited)", async () => {
    const a = await clinicFixture(),
      b = await clinicFixture();
    const admin = await adminOf([a.site.id]);
    const { id, secret } = await createApiToken(admin, { name: "Reader", siteIds: [a.site.id] });
    const actor = await fhirReader(bearer(secret), "fhir.export", { siteId: a.site.id, entityType: "Site", entityId: a.site.id });
    expect(actor).toMatchObject({ id, role: "API_TOKEN", via: "token" });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
    expect((await refusal(fhirReader(bearer(secret), "fhir.export", { siteId: b.site.id, entityType: "Site", entityId: b.site.id }))).status).toBe(404);
    const denied = await db().auditEvent.findFirstOrThrow({ where: { actorId: id, action: "access.denied" }, orderBy: { id: "desc" } });
    expect(denied).toMatchObject({ siteId: b.site.id, actorRole: "API_TOKEN" });
  });

  it("is refused at once after revoking (401), and an unknown or malformed token is refused too", async () => {
    const c = await clinicFixture();
    const admin = await adminOf([c.site.id]);
    const { id, secret } = await createApiToken(admin, { name: "Soon revoked", siteIds: [c.site.id] });
    const scope = { siteId: c.site.id, entityType: "Site", entityId: c.site.id };
    await fhirReader(bearer(secret), "fhir.export", scope);
    await revokeApiToken(admin, id);
    expect((await refusal(fhirReader(bearer(secret), "fhir.export", scope))).status).toBe(401);
    expect(await tokenPrincipal(`Bearer ${secret}`, "fhir.read")).toBeNull();
    expect(await tokenPrincipal(`Bearer est_${"A".repeat(43)}`, "fhir.read")).toBeNull();
    expect(await tokenPrincipal(`Basic ${secret}`, "fhir.read")).toBeNull();
    expect((await refusal(revokeApiToken(admin, id))).status).toBe(409);
    expect((await db().auditEvent.findMany({ where: { entityType: "ApiToken", entityId: id }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual([
      "api_token.create",
      "api_token.revoke",
    ]);
  });

  it("is accepted only by FHIR GET route handlers: no other route reads a bearer token", () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = path.join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (f === "route.ts") files.push(p);
      }
    };
    walk("app/api");
    const readers = files.filter((f) => /fhirReader|tokenPrincipal|get\(\s*["']authorization["']/i.test(readFileSync(f, "utf8")));
    expect(readers.length).toBeGreaterThan(0);
    for (const f of readers) {
      expect(f.replace(/\\/g, "/")).toMatch(/^app\/api\/fhir\//);
      expect(readFileSync(f, "utf8")).not.toMatch(/export const (POST|PUT|PATCH|DELETE)/);
    }
    // Outside lib/fhir/access.ts nothing looks a token up.
    const libUsers: string[] = [];
    const walkLib = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = path.join(d, f);
        if (statSync(p).isDirectory()) walkLib(p);
        else if (/\.tsx?$/.test(f) && !/\.test\.ts$/.test(f) && readFileSync(p, "utf8").includes("tokenPrincipal(")) libUsers.push(p.replace(/\\/g, "/"));
      }
    };
    walkLib("lib");
    walkLib("app");
    expect(libUsers.sort()).toEqual(["lib/auth/api-tokens.ts", "lib/fhir/access.ts"]);
  });
});
