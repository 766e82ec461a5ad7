import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { asOwner } from "@/lib/db/testing/owner";
import { recordAudit } from "@/lib/audit/data";
import { anchorAuditChain } from "@/lib/audit/anchors";
import { appRoleGrantsSql } from "./roles";

// Issue 12 §5, against the real PostgreSQL: db() connects as the app role (DATABASE_URL), migrations ran as the owner.
const appRole = async () => (await db().$queryRaw<{ u: string }[]>`SELECT current_user AS u`)[0].u;
const refused = (sql: string) => expect(db().$executeRawUnsafe(sql)).rejects.toThrow(/permission denied|must be owner/);

describe("least-privilege database roles", () => {
  it("the app connects as a role that is neither a superuser nor the owner of any table", async () => {
    const me = await appRole();
    const [r] = await db().$queryRaw<{ rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean }[]>`
      SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`;
    expect(r).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const owned = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`;
    expect(Number(owned[0].n)).toBe(0);
    const [{ owner }] = await asOwner<{ owner: string }>(`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'AuditEvent'`);
    expect(owner).not.toBe(me);
  });

  it("the app role is refused UPDATE, DELETE, TRUNCATE, ALTER and DISABLE TRIGGER on the audit table and its anchors", async () => {
    await recordAudit({ actor: null, action: "test.role_target", entityType: "Test" });
    for (const table of ["AuditEvent", "AuditAnchor"]) {
      await refused(`UPDATE "${table}" SET "hash" = "hash"`);
      await refused(`DELETE FROM "${table}"`);
      await refused(`TRUNCATE "${table}"`);
      await refused(`ALTER TABLE "${table}" ADD COLUMN "x" text`);
      await refused(`ALTER TABLE "${table}" DISABLE TRIGGER "${table}_no_update_delete"`);
      await refused(`ALTER TABLE "${table}" DISABLE TRIGGER ALL`);
      await refused(`DROP TABLE "${table}"`);
    }
    await refused(`SELECT setval(pg_get_serial_sequence('"AuditEvent"', 'id'), 1)`);
    await refused(`CREATE TABLE "Intruder" (id int)`);
    await refused(`UPDATE "SessionSignature" SET "contentHash" = "contentHash"`);
  });

  it("INSERT and SELECT on the audit table and the anchors work for the app role", async () => {
    const before = await db().auditEvent.count();
    await recordAudit({ actor: null, action: "test.role_insert", entityType: "Test" });
    expect(await db().auditEvent.count()).toBe(before + 1);
    const anchor = await anchorAuditChain({ reason: "cli" });
    expect(await db().auditAnchor.findUnique({ where: { id: anchor!.id } })).toMatchObject({ auditId: anchor!.auditId, hash: anchor!.hash });
  });

  it("the owner may alter the table but still meets the append-only triggers", async () => {
    await recordAudit({ actor: null, action: "test.owner_target", entityType: "Test" });
    await anchorAuditChain({ reason: "cli" });
    await expect(asOwner(`DELETE FROM "AuditEvent" WHERE id = (SELECT max(id) FROM "AuditEvent")`)).rejects.toThrow(/append-only/);
    await expect(asOwner(`UPDATE "AuditAnchor" SET reason = reason`)).rejects.toThrow(/AuditAnchor is append-only/);
    await expect(asOwner(`TRUNCATE "AuditAnchor"`)).rejects.toThrow(/append-only/);
  });

  it("granting again (the README's snippet, in any order) does not give the changes back; later tables reach the app role", async () => {
    const me = await appRole();
    await asOwner(appRoleGrantsSql(me));
    await refused(`UPDATE "AuditEvent" SET "hash" = "hash"`);
    await refused(`DELETE FROM "AuditAnchor"`);
    // A table from a later migration: readable and writable through the default privileges...
    await asOwner(`DROP TABLE IF EXISTS "ZzLater"`, `CREATE TABLE "ZzLater" (id serial PRIMARY KEY, v text)`);
    try {
      await db().$executeRawUnsafe(`INSERT INTO "ZzLater" (v) VALUES ('a')`);
      await db().$executeRawUnsafe(`UPDATE "ZzLater" SET v = 'b'`);
      // ...and append-only once it has the trigger and the migration calls restrict_append_only_tables().
      await asOwner(
        `CREATE TRIGGER "ZzLater_no_update_delete" BEFORE UPDATE OR DELETE ON "ZzLater" FOR EACH ROW EXECUTE FUNCTION signoff_append_only()`,
        `SELECT restrict_append_only_tables()`,
      );
      await db().$executeRawUnsafe(`INSERT INTO "ZzLater" (v) VALUES ('c')`);
      await refused(`UPDATE "ZzLater" SET v = 'd'`);
      await refused(`DELETE FROM "ZzLater"`);
    } finally {
      await asOwner(`DROP TABLE "ZzLater"`);
    }
  });

  it("the grant script gives the app role the audit rows' way to their chain (audit_commit.pending), and no power over it", async () => {
    const me = await appRole();
    await asOwner(`REVOKE ALL ON audit_commit.pending FROM ${me}`, `REVOKE USAGE ON SCHEMA audit_commit FROM ${me}`);
    try {
      await expect(recordAudit({ actor: null, action: "test.no_pending_grant", entityType: "Test" })).rejects.toThrow(/permission denied/);
    } finally {
      await asOwner(appRoleGrantsSql(me));
    }
    const before = await db().auditEvent.count();
    await recordAudit({ actor: null, action: "test.pending_granted", entityType: "Test" });
    expect(await db().auditEvent.count()).toBe(before + 1);
    await refused(`ALTER TABLE audit_commit.pending DISABLE TRIGGER ALL`);
    await refused(`DROP TRIGGER append_to_chain ON audit_commit.pending`);
    await refused(`TRUNCATE audit_commit.pending`);
  });
});

describe("the README's production snippet", () => {
  it("is the grant script the embedded server runs", async () => {
    const readme = (await import("node:fs")).readFileSync("README.md", "utf8");
    expect(readme).toContain(appRoleGrantsSql("tracker_app").trim());
  });
});
