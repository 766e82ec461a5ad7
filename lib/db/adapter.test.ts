import { describe, expect, it } from "vitest";
import { db, transaction } from "./client";
import { sql } from "./sql";

// Against the real PostgreSQL, whose own default is 2 workers per Gather.
const workers = async (q: ReturnType<typeof sql>) =>
  (await q.query<{ max_parallel_workers_per_gather: string }>`SHOW max_parallel_workers_per_gather`)[0].max_parallel_workers_per_gather;

describe("the app's connections", () => {
  it("run without parallel query workers: through Prisma, raw SQL on the pool, and in a transaction", async () => {
    const [viaPrisma] = await db().$queryRaw<{ max_parallel_workers_per_gather: string }[]>`SHOW max_parallel_workers_per_gather`;
    expect(viaPrisma.max_parallel_workers_per_gather).toBe("0");
    expect(await workers(sql())).toBe("0");
    await transaction(async (tx) => expect(await workers(sql(tx))).toBe("0"));
    // The server's own default is untouched: another client still gets parallel workers.
    const [server] = await db().$queryRaw<{ boot_val: string }[]>`SELECT boot_val FROM pg_settings WHERE name = 'max_parallel_workers_per_gather'`;
    expect(server.boot_val).toBe("2");
  });
});
