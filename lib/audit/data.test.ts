import { afterAll, describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db/client";
import { asOwner } from "@/lib/db/testing/owner";
import { appendAudit, describeChainReport, recordAudit, verifyAuditChain, verifyOneAuditChain } from "./data";
import { anchorAuditChain } from "./anchors";
import { auditHash } from "./chain";

/** Audit rows waiting for their transaction's COMMIT (migration audit_chain_at_commit): none once it has ended. */
const pendingRows = async () => Number((await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_commit.pending`)[0].n);

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

  it("the hash PostgreSQL computes in the append is the one the verifier recomputes, for any text", async () => {
    const awkward = "SpO₂ 88 % — “quoted” \\ back\\slash \"dq\" 'sq'\nnew line\ttab 💉 Zoë";
    await recordAudit({
      actor: null,
      action: "test.unicode",
      entityType: "Test",
      entityId: awkward,
      reason: awkward,
      after: { [awkward]: [awkward, 1.5, null] },
    });
    const row = await db().auditEvent.findFirstOrThrow({ where: { action: "test.unicode" }, orderBy: { id: "desc" } });
    expect(row.reason).toBe(awkward);
    expect(row.hash).toBe(auditHash(row.prevHash, { ...row, before: row.before ?? null, after: row.after ?? null } as Parameters<typeof auditHash>[1]));
    expect((await verifyAuditChain()).intact).toBe(true);
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
    expect(await pendingRows()).toBe(0);
  });

  it("a failure of the append at COMMIT rejects transaction() and saves nothing of it", async () => {
    const site = `commit-fail-${Date.now()}`;
    await recordAudit({ actor: null, action: "test.chain_started", entityType: "Test", siteId: site });
    const head = await db().auditChainHead.findUniqueOrThrow({ where: { chainKey: site } });
    // A rule the trigger's INSERT into AuditEvent breaks; the app's statements before COMMIT all succeed.
    await asOwner(`ALTER TABLE "AuditEvent" ADD CONSTRAINT test_refused_at_commit CHECK ("action" <> 'test.refused_at_commit') NOT VALID`);
    try {
      await expect(
        transaction(async (tx) => {
          await appendAudit(tx, { actor: null, action: "test.accepted_before", entityType: "Test", siteId: site });
          await appendAudit(tx, { actor: null, action: "test.refused_at_commit", entityType: "Test", siteId: site });
        }),
      ).rejects.toThrow(/test_refused_at_commit/);
    } finally {
      await asOwner(`ALTER TABLE "AuditEvent" DROP CONSTRAINT test_refused_at_commit`);
    }
    expect(await db().auditEvent.count({ where: { chainKey: site } })).toBe(1);
    expect(await db().auditChainHead.findUniqueOrThrow({ where: { chainKey: site } })).toEqual(head);
    expect(await pendingRows()).toBe(0);
    expect((await verifyOneAuditChain(site)).intact).toBe(true);
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

describe("one hash chain per site (issue 14 §2)", () => {
  const site = (tag: string) => `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const waitersOf = async (pid: number) =>
    Number((await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE ${pid}::int = ANY(pg_blocking_pids(pid))`)[0].n);

  it("a transaction held open after appending blocks no writer, of its site or another; its rows join their chains as it commits, in the order appended", async () => {
    const a = site("chain-a"),
      b = site("chain-b");
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let opened!: (pid: number) => void;
    const inside = new Promise<number>((r) => (opened = r));
    let aCommitted = false;
    const txA = transaction(async (tx) => {
      await appendAudit(tx, { actor: null, action: "test.chain_held_a", entityType: "Test", siteId: a });
      await appendAudit(tx, { actor: null, action: "test.chain_held_b", entityType: "Test", siteId: b });
      opened((await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0].pid);
      await held; // the rest of a command's work
    }).then(() => {
      aCommitted = true;
    });
    const pidA = await inside;
    try {
      // The heads are locked only in the held transaction's COMMIT (migration audit_chain_at_commit), so writers of
      // both sites commit meanwhile; had the append locked site a's head, the first of these would wait for it.
      await recordAudit({ actor: null, action: "test.chain_meanwhile_a", entityType: "Test", siteId: a });
      await recordAudit({ actor: null, action: "test.chain_meanwhile_b", entityType: "Test", siteId: b });
      expect(aCommitted).toBe(false);
      expect(await waitersOf(pidA)).toBe(0);
      expect(await db().auditEvent.count({ where: { action: { in: ["test.chain_held_a", "test.chain_held_b"] } } })).toBe(0);
      release();
      await txA;
    } finally {
      release();
      await txA.catch(() => undefined);
    }
    const rowsA = await db().auditEvent.findMany({ where: { chainKey: a }, orderBy: { id: "asc" } });
    expect(rowsA.map((r) => r.action)).toEqual(["test.chain_meanwhile_a", "test.chain_held_a"]);
    expect(rowsA[0].prevHash).toBe("0".repeat(64)); // a site's chain starts at the genesis hash
    expect(rowsA[1].prevHash).toBe(rowsA[0].hash);
    const rowsB = await db().auditEvent.findMany({ where: { chainKey: b }, orderBy: { id: "asc" } });
    expect(rowsB.map((r) => r.action)).toEqual(["test.chain_meanwhile_b", "test.chain_held_b"]);
    expect(rowsB[1]).toMatchObject({ siteId: b, prevHash: rowsB[0].hash });
    expect(rowsB[1].id).toBeGreaterThan(rowsA[1].id); // one transaction's rows in the order of its calls
    expect(await db().auditChainHead.findUnique({ where: { chainKey: a } })).toMatchObject({ auditId: rowsA[1].id, hash: rowsA[1].hash });
    expect(await pendingRows()).toBe(0); // appended and deleted at COMMIT
    const report = await verifyAuditChain();
    expect(report.intact).toBe(true);
    expect(report.chains).toEqual(expect.arrayContaining(["global", a, b]));
  });

  it("chains many sites' writers concurrently, each chain intact", async () => {
    const sites = [site("many-a"), site("many-b"), site("many-c")];
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        recordAudit({ actor: null, action: "test.many", entityType: "Test", entityId: String(i), siteId: i % 4 === 3 ? null : sites[i % 3] }),
      ),
    );
    const report = await verifyAuditChain(4);
    expect(report.intact).toBe(true);
    const expected = (k: number) => Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 4 !== 3 && i % 3 === k).length;
    for (const [k, s] of sites.entries()) expect(await db().auditEvent.count({ where: { chainKey: s } })).toBe(expected(k));
  });

  it("a row changed in one site's chain is found, the other chains still link up; a row moved to another chain breaks it too", async () => {
    const a = site("tamper-a"),
      b = site("tamper-b");
    for (let i = 0; i < 3; i++) {
      await recordAudit({ actor: null, action: "test.tamper_chain", entityType: "Test", entityId: String(i), siteId: a, after: { value: i } });
      await recordAudit({ actor: null, action: "test.tamper_chain", entityType: "Test", entityId: String(i), siteId: b, after: { value: i } });
    }
    const target = await db().auditEvent.findFirstOrThrow({ where: { chainKey: a, entityId: "1" } });
    const edit = (sql: string) =>
      asOwner(
        `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`,
        sql,
        `ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`,
      );
    await edit(`UPDATE "AuditEvent" SET "after" = '{"value":99}' WHERE id = ${target.id}`);
    try {
      const report = await verifyAuditChain();
      expect(report.intact).toBe(false);
      if (!report.intact) expect(report.firstBroken).toEqual({ id: target.id, problem: "hash_mismatch" });
    } finally {
      await edit(`UPDATE "AuditEvent" SET "after" = '{"value":1}' WHERE id = ${target.id}`);
    }
    expect((await verifyAuditChain()).intact).toBe(true);
    // Moving a row from chain b to chain a (its chainKey only) breaks the link after it in b.
    const moved = await db().auditEvent.findFirstOrThrow({ where: { chainKey: b, entityId: "1" } });
    const nextInB = await db().auditEvent.findFirstOrThrow({ where: { chainKey: b, entityId: "2" } });
    await edit(`UPDATE "AuditEvent" SET "chainKey" = '${a}' WHERE id = ${moved.id}`);
    try {
      const report = await verifyAuditChain();
      expect(report.intact).toBe(false);
      if (!report.intact) expect(report.firstBroken?.problem).toBe("prev_hash_mismatch");
      if (!report.intact) expect([moved.id, nextInB.id]).toContain(report.firstBroken?.id);
    } finally {
      await edit(`UPDATE "AuditEvent" SET "chainKey" = '${b}' WHERE id = ${moved.id}`);
    }
    expect((await verifyAuditChain()).intact).toBe(true);
  });

  it("anchors every chain's head, and a gap in one site's chain names that chain's last row", async () => {
    const { anchorAllAuditChains } = await import("./anchors");
    const a = site("anchor-a");
    for (let i = 0; i < 2; i++) await recordAudit({ actor: null, action: "test.anchor_chain", entityType: "Test", entityId: String(i), siteId: a });
    const anchors = await anchorAllAuditChains({ reason: "cli" });
    expect(anchors.map((x) => x.chainKey)).toEqual(expect.arrayContaining(["global", a]));
    const mine = anchors.find((x) => x.chainKey === a)!;
    const rows = await db().auditEvent.findMany({ where: { chainKey: a }, orderBy: { id: "asc" } });
    expect(mine).toMatchObject({ auditId: rows[1].id, hash: rows[1].hash });
    expect(await anchorAllAuditChains({ reason: "schedule", onlyIfMoved: true })).toEqual([]); // nothing moved
    const removed = await asOwner(`SELECT * FROM "AuditEvent" WHERE id = ${rows[1].id}`);
    await asOwner(
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`,
      `DELETE FROM "AuditEvent" WHERE id = ${rows[1].id}`,
      `ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`,
    );
    try {
      const report = await verifyAuditChain();
      expect(report.intact).toBe(false);
      if (!report.intact) expect(report.firstBroken).toBeNull();
      expect(report.anchors.gap).toMatchObject({ problem: "rows_missing", anchorId: mine.id, auditId: rows[1].id, lastRowBefore: rows[0].id });
    } finally {
      await asOwner(
        `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`,
        ...removed.map((r) => `INSERT INTO "AuditEvent" SELECT * FROM json_populate_record(NULL::"AuditEvent", '${JSON.stringify(r).replaceAll("'", "''")}')`),
        `ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`,
      );
    }
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
      expect(report.anchors.gap).toMatchObject({
        problem: "rows_missing",
        anchorId: anchor.id,
        auditId: anchor.auditId,
        hash: anchor.hash,
        lastRowBefore: kept!.auditId,
        lastGoodAnchorId: kept!.id,
      });
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
        // and the chain's head back onto the last restored row (the next append chains from it)
        `UPDATE "AuditChainHead" h SET "auditId" = e.id, "hash" = e.hash FROM (SELECT id, hash FROM "AuditEvent" WHERE "chainKey" = 'global' ORDER BY id DESC LIMIT 1) e WHERE h."chainKey" = 'global'`,
      );
    }
    // Rows appended after the restore chain from the last row again; the test leaves an intact chain.
    await recordAudit({ actor: null, action: "test.after_restore", entityType: "Test" });
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
    for (let i = 0; i < 5; i++)
      await recordAudit({
        actor: null,
        action: `${tag}.step`,
        entityType: "Test",
        entityId: String(i),
        siteId: tag,
        reason: i === 2 ? '=HYPERLINK("x")' : null,
      });
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
    const site = await db().site.create({
      data: { code: `AS-${tag}`.slice(0, 20), name: tag, settingType: "OUTPATIENT", address1: "1", city: "H", state: "NY", zip: "12534" },
    });
    const nurse = await db().user.create({
      data: { email: `${tag}@test.example`, firstName: "N", lastName: "N", role: "NURSE", passwordHash: "x", sites: { create: { siteId: site.id } } },
    });
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
