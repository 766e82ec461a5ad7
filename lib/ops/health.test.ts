import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { checkHealth, expectedMigrations } from "./health";

// Against the real PostgreSQL of the test run (scripts/test-unit.sh migrated it).
describe("health check in the database", () => {
  afterAll(() => {
    delete process.env.BUILD_MIGRATIONS;
  });

  it("is healthy when every migration folder is applied", async () => {
    const h = await checkHealth();
    expect(h).toMatchObject({ ok: true, database: "reachable" });
    expect(h.migrations?.expected).toBe(expectedMigrations().length);
    expect(h.migrations?.expected).toBeGreaterThan(5);
  });

  it("is unhealthy, naming the migration, when the build expects one the database lacks", async () => {
    process.env.BUILD_MIGRATIONS = JSON.stringify([...expectedMigrations(), "29991231000000_not_yet_deployed"]);
    const h = await checkHealth();
    expect(h.ok).toBe(false);
    expect(h.migrations?.missing).toEqual(["29991231000000_not_yet_deployed"]);
    delete process.env.BUILD_MIGRATIONS;
  });

  it("says unreachable, not healthy, when the database does not answer", async () => {
    const { PrismaClient } = await import("@/lib/generated/prisma/client");
    const { createAdapter } = await import("@/lib/db/adapter");
    const g = globalThis as unknown as { __prisma?: unknown };
    const real = g.__prisma;
    // A port nothing listens on (1 is privileged and unused here).
    g.__prisma = new PrismaClient({ adapter: createAdapter("postgresql://nobody:x@127.0.0.1:1/none") });
    try {
      expect(await checkHealth()).toEqual({ ok: false, database: "unreachable", migrations: null });
    } finally {
      g.__prisma = real;
    }
    expect((await checkHealth()).ok).toBe(true);
    await db().$queryRaw`SELECT 1`;
  });
});
