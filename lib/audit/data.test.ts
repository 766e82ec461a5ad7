import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { asOwner } from "@/lib/db/testing/owner";
import { appendAudit, describeChainReport, recordAudit, verifyAuditChain } from "./data";
import { anchorAuditChain } from "./anchors";

// Against the real PostgreSQL (scripts/test-unit.sh starts a throwaway one).
describe("audit trail in the database", () => {
  afterAll(async () => {
    await asOwner(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`);
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
    // The app role has no such privilege; even the owner meets the trigger.
    await expect(db().$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(db().$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/permission denied/);
    await expect(asOwner(`UPDATE "AuditEvent" SET "action" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(asOwner(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
  });

  it("reports the first broken row when a row is changed directly in the database", async () => {
    await recordAudit({ actor: null, action: "test.tamper_target", entityType: "Test", after: { value: "original" } });
    const target = await db().auditEvent.findFirstOrThrow({ where: { action: "test.tamper_target" } });
    await recordAudit({ actor: null, action: "test.after_target", entityType: "Test" });
    // Someone with the owner's access switches the guard off and edits history.
    await asOwner(
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`,
      `UPDATE "AuditEvent" SET "after" = '{"value":"forged"}' WHERE id = ${target.id}`,
      `ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`,
    );
    const report = await verifyAuditChain();
    expect(report.intact).toBe(false);
    if (!report.intact) expect(report.firstBroken).toEqual({ id: target.id, problem: "hash_mismatch" });
    // Put it back so later files see an intact chain.
    await asOwner(
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`,
      `UPDATE "AuditEvent" SET "after" = '{"value":"original"}' WHERE id = ${target.id}`,
      `ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`,
    );
    expect((await verifyAuditChain()).intact).toBe(true);
  });
});

describe("anchors of the audit chain (issue 12 §6)", () => {
  it("deleting the newest rows as the owner leaves the chain linked, and verification names the gap after the last anchor", async () => {
    for (let i = 0; i < 3; i++) await recordAudit({ actor: null, action: "test.before_anchor", entityType: "Test", entityId: String(i) });
    const kept = await anchorAuditChain({ reason: "cli" });
    for (let i = 0; i < 4; i++) await recordAudit({ actor: null, action: "test.after_anchor", entityType: "Test", entityId: String(i) });
    const anchor = (await anchorAuditChain({ reason: "export" }))!;
    expect((await verifyAuditChain()).intact).toBe(true);

    // The owner removes the four newest rows (everything after the row `kept` names).
    const removed = await asOwner(`SELECT * FROM "AuditEvent" WHERE id > ${kept!.auditId} ORDER BY id`);
    expect(removed).toHaveLength(4);
    await asOwner(
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`,
      `DELETE FROM "AuditEvent" WHERE id > ${kept!.auditId}`,
      `ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`,
    );
    try {
      const report = await verifyAuditChain();
      expect(report.intact).toBe(false);
      if (report.intact) return;
      expect(report.firstBroken).toBeNull(); // the chain itself still links up: only the anchor shows the loss
      expect(report.anchors.gap).toMatchObject({ problem: "rows_missing", anchorId: anchor.id, auditId: anchor.auditId, hash: anchor.hash, lastRowBefore: kept!.auditId, lastGoodAnchorId: kept!.id });
      expect(describeChainReport(report).join("\n")).toContain(
        `Rows after row #${kept!.auditId} up to hash ${anchor.hash.slice(0, 16)}… (row #${anchor.auditId}, anchor ${anchor.id} of ${anchor.anchoredAt.toISOString()}) are missing (anchor ${kept!.id} still matches).`,
      );
      // New rows appended after the deletion link onto the shortened chain; the anchor still names the gap.
      await recordAudit({ actor: null, action: "test.after_deletion", entityType: "Test" });
      const again = await verifyAuditChain();
      expect(again.intact).toBe(false);
      expect(again.anchors.gap?.anchorId).toBe(anchor.id);
    } finally {
      // Restore: drop the row appended after the deletion, put the removed rows back, re-link (owner only).
      await asOwner(
        `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`,
        `DELETE FROM "AuditEvent" WHERE id > ${kept!.auditId}`,
        ...removed.map((r) => `INSERT INTO "AuditEvent" SELECT * FROM json_populate_record(NULL::"AuditEvent", '${JSON.stringify(r).replaceAll("'", "''")}')`),
        `ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`,
      );
    }
    // Rows appended after the restore would chain from the last row again; the test leaves an intact chain.
    expect((await verifyAuditChain()).intact).toBe(true);
  });

  it("an anchor forged without the key fails verification", async () => {
    await recordAudit({ actor: null, action: "test.forge_target", entityType: "Test" });
    const real = (await anchorAuditChain({ reason: "cli" }))!;
    const [{ id: forgedId }] = await db().$queryRaw<{ id: bigint }[]>`SELECT nextval(pg_get_serial_sequence('"AuditAnchor"', 'id')) AS id`;
    await db().auditAnchor.create({ data: { ...real, id: BigInt(forgedId), signature: "0".repeat(64) } });
    const report = await verifyAuditChain();
    expect(report.intact).toBe(false);
    expect(report.anchors.unverified).toEqual([BigInt(forgedId)]);
    expect(describeChainReport(report).join("\n")).toContain(`Anchor ${forgedId}: signature does not verify`);
    // Put it right for later files: the owner alone can remove an anchor (trigger off).
    await asOwner(
      `ALTER TABLE "AuditAnchor" DISABLE TRIGGER "AuditAnchor_no_update_delete"`,
      `DELETE FROM "AuditAnchor" WHERE id = ${forgedId}`,
      `ALTER TABLE "AuditAnchor" ENABLE TRIGGER "AuditAnchor_no_update_delete"`,
    );
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
