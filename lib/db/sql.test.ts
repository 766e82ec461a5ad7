import { describe, expect, it, vi } from "vitest";
import { leaseOf, db, outerTransaction, poolOf, transaction } from "./client";
import { sql } from "./sql";
import { appendAudit } from "@/lib/audit/data";

// Against the real PostgreSQL: raw SQL on a transaction's own connection must be inside that transaction.
const pid = async (q: ReturnType<typeof sql>) => (await q.query<{ pid: number }>`SELECT pg_backend_pid() AS pid`)[0].pid;

describe("sql(tx): raw SQL on the transaction's connection", () => {
  it("runs in the transaction of transaction() and outerTransaction(), on its connection, and sees what it wrote", async () => {
    for (const run of [transaction, outerTransaction])
      await run(async (tx) => {
        expect(leaseOf(tx)).toBeDefined(); // the direct path, not the fallback through Prisma
        const viaPrisma = (await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0].pid;
        expect(await pid(sql(tx))).toBe(viaPrisma);
        // A table that lives only until this transaction ends: only its own connection and transaction can see it.
        await tx.$executeRaw`CREATE TEMP TABLE sql_probe (v int) ON COMMIT DROP`;
        expect(await sql(tx).execute`INSERT INTO sql_probe VALUES (${1}), (${2})`).toBe(2);
        expect(await tx.$queryRaw<{ v: number }[]>`SELECT v FROM sql_probe ORDER BY v`).toEqual([{ v: 1 }, { v: 2 }]);
        const [row] = await sql(tx).query<{ n: number; t: Date; j: { a: number }; b: boolean; s: string | null }>`
          SELECT count(*)::int AS n, ${new Date("2026-12-06T05:00:00Z")}::timestamptz AS t, ${JSON.stringify({ a: 1 })}::jsonb AS j,
            ${true}::boolean AS b, ${null}::text AS s FROM sql_probe`;
        expect(row).toEqual({ n: 2, t: new Date("2026-12-06T05:00:00Z"), j: { a: 1 }, b: true, s: null });
      });
  });

  it("concurrent transactions each send their raw SQL on their own connection", async () => {
    const pids = await Promise.all(
      Array.from({ length: 8 }, () =>
        transaction(async (tx) => {
          const own = (await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0].pid;
          expect(await pid(sql(tx))).toBe(own);
          await new Promise((r) => setTimeout(r, 20)); // the others start meanwhile
          expect(await pid(sql(tx))).toBe(own);
          return own;
        }),
      ),
    );
    expect(new Set(pids).size).toBe(8);
  });

  it("a second copy of the module (as the server loads it) names its statements alike on a shared connection", async () => {
    vi.resetModules();
    const copy = await import("./sql");
    await transaction(async (tx) => {
      expect(await sql(tx).query<{ n: number }>`SELECT ${1}::int AS n`).toEqual([{ n: 1 }]);
      expect(await copy.sql(tx).query<{ m: number }>`SELECT ${2}::int AS m`).toEqual([{ m: 2 }]);
      expect(await copy.sql(tx).query<{ n: number }>`SELECT ${3}::int AS n`).toEqual([{ n: 3 }]);
    });
  });

  it("what it wrote rolls back with the transaction", async () => {
    const before = await db().auditEvent.count();
    await expect(
      transaction(async (tx) => {
        await appendAudit(tx, { actor: null, action: "test.sql_rollback", entityType: "Test" });
        expect(Number((await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_commit.pending`)[0].n)).toBe(1);
        throw new Error("write failed");
      }),
    ).rejects.toThrow("write failed");
    expect(await db().auditEvent.count()).toBe(before);
  });

  it("refuses to send anything once the transaction has ended: its connection is back in the pool", async () => {
    let ended!: Parameters<Parameters<typeof transaction>[0]>[0];
    await transaction(async (tx) => {
      ended = tx;
    });
    expect(leaseOf(ended)?.open).toBe(false);
    await expect(sql(ended).query`SELECT 1`).rejects.toThrow(/transaction has ended/);
    await expect(transaction(async () => undefined)).resolves.toBeUndefined();
  });

  it("outside a transaction it reads through the pool under db()", async () => {
    await db().$queryRaw`SELECT 1`; // Prisma has connected
    expect(poolOf(db())).toBeDefined();
    expect(await sql().query<{ one: number }>`SELECT ${1}::int AS one`).toEqual([{ one: 1 }]);
  });

  it("a transaction Prisma started elsewhere goes through Prisma, to the same effect", async () => {
    await db().$transaction(async (tx) => {
      expect(leaseOf(tx)).toBeUndefined();
      expect(await pid(sql(tx))).toBe((await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0].pid);
    });
  });
});
