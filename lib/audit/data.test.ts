import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { appendAudit, recordAudit, verifyAuditChain } from "./data";

// Against the real PostgreSQL (scripts/test-unit.sh starts a throwaway one).
describe("audit trail in the database", () => {
  afterAll(async () => {
    await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`);
  });

  it("chains rows appended concurrently from many transactions", async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        recordAudit({ actor: null, action: "test.concurrent", entityType: "Test", entityId: String(i), after: { i, nested: { b: 2, a: 1 } } }),
      ),
    );
    const report = await verifyAuditChain(7); // small pages: the walk crosses page boundaries
    expect(report.intact).toBe(true);
    expect(report.rows).toBeGreaterThanOrEqual(25);
  });

  it("rolls the audit row back with the write it belongs to", async () => {
    const before = await db().auditEvent.count();
    await expect(
      db().$transaction(async (tx) => {
        await appendAudit(tx, { actor: null, action: "test.rollback", entityType: "Test" });
        throw new Error("write failed");
      }),
    ).rejects.toThrow("write failed");
    expect(await db().auditEvent.count()).toBe(before);
  });

  it("refuses UPDATE and DELETE of audit rows in the database itself", async () => {
    await expect(db().$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
  });

  it("reports the first broken row when a row is changed directly in the database", async () => {
    await recordAudit({ actor: null, action: "test.tamper_target", entityType: "Test", after: { value: "original" } });
    const target = await db().auditEvent.findFirstOrThrow({ where: { action: "test.tamper_target" } });
    await recordAudit({ actor: null, action: "test.after_target", entityType: "Test" });
    // Someone with database access switches the guard off and edits history.
    await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`);
    await db().$executeRawUnsafe(`UPDATE "AuditEvent" SET "after" = '{"value":"forged"}' WHERE id = ${target.id}`);
    await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`);
    const report = await verifyAuditChain();
    expect(report.intact).toBe(false);
    if (!report.intact) expect(report.firstBroken).toEqual({ id: target.id, problem: "hash_mismatch" });
    // Put it back so later files see an intact chain.
    await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`);
    await db().$executeRawUnsafe(`UPDATE "AuditEvent" SET "after" = '{"value":"original"}' WHERE id = ${target.id}`);
    expect((await verifyAuditChain()).intact).toBe(true);
  });
});

describe("audit log export", () => {
  it("streams the filtered rows oldest first as CSV, across pages, with formulas neutralised", async () => {
    const { auditCsvStream } = await import("./data");
    const { parse } = await import("csv-parse/sync");
    const tag = `export-${Date.now()}`;
    for (let i = 0; i < 5; i++) await recordAudit({ actor: null, action: `${tag}.step`, entityType: "Test", entityId: String(i), siteId: tag, reason: i === 2 ? "=HYPERLINK(\"x\")" : null });
    await recordAudit({ actor: null, action: `${tag}.step`, entityType: "Test", entityId: "other site", siteId: `${tag}-b` });
    const text = await new Response(auditCsvStream({ action: tag } as never, { siteIds: [tag], userIds: [] }, 2)).text();
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.entityId)).toEqual(["0", "1", "2", "3", "4"]);
    expect(rows[2].reason).toBe(`'=HYPERLINK("x")`);
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("what an administrator reads of the audit trail", () => {
  it("rows of their sites and of the people who work there, not another site's", async () => {
    const { auditScopeFor, listAuditEvents } = await import("./data");
    const tag = `scope-${Date.now()}`;
    const site = await db().site.create({ data: { code: `AS-${tag}`.slice(0, 20), name: tag, settingType: "OUTPATIENT", address1: "1", city: "H", state: "NY", zip: "12534" } });
    const nurse = await db().user.create({ data: { email: `${tag}@test.example`, firstName: "N", lastName: "N", role: "NURSE", passwordHash: "x", sites: { create: { siteId: site.id } } } });
    const stranger = await db().user.create({ data: { email: `${tag}-b@test.example`, firstName: "S", lastName: "S", role: "NURSE", passwordHash: "x" } });
    await recordAudit({ actor: null, action: `${tag}.mine`, entityType: "Test", siteId: site.id });
    await recordAudit({ actor: { id: nurse.id, email: nurse.email, role: "NURSE" }, action: `${tag}.login`, entityType: "AuthSession" });
    await recordAudit({ actor: null, action: `${tag}.about`, entityType: "User", entityId: nurse.id });
    await recordAudit({ actor: null, action: `${tag}.theirs`, entityType: "Test", siteId: "another-site" });
    await recordAudit({ actor: { id: stranger.id, email: stranger.email, role: "NURSE" }, action: `${tag}.stranger`, entityType: "AuthSession" });
    const scope = await auditScopeFor({ siteIds: [site.id] });
    const { rows } = await listAuditEvents({ action: tag } as never, scope);
    expect(rows.map((r) => r.action).sort()).toEqual([`${tag}.about`, `${tag}.login`, `${tag}.mine`]);
  });
});
