import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import { migrationState, type AppliedMigration, type MigrationState } from "./health-rules";

/**
 * The migrations this build was made with: next.config.js writes the folder names into the bundle at
 * build time (BUILD_MIGRATIONS), so a server checks the schema its own code expects. Outside a build
 * (tests, scripts) the folder is read.
 */
export function expectedMigrations(): string[] {
  const baked = process.env.BUILD_MIGRATIONS;
  if (baked) return JSON.parse(baked) as string[];
  const dir = path.join(process.cwd(), "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export type Health =
  | { ok: true; database: "reachable"; migrations: MigrationState }
  | { ok: false; database: "reachable"; migrations: MigrationState }
  | { ok: false; database: "unreachable" | "not_migrated"; migrations: null };

const timeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/** Database reachable and every migration of this build applied. Reads no clinical data. */
export async function checkHealth(timeoutMs = 3000): Promise<Health> {
  let rows: AppliedMigration[];
  try {
    rows = await timeout(
      db().$queryRaw<AppliedMigration[]>`
        SELECT migration_name AS name, finished_at AS "finishedAt", rolled_back_at AS "rolledBackAt" FROM _prisma_migrations`,
      timeoutMs,
    );
  } catch (e) {
    // 42P01: the database answers but `prisma migrate deploy` never ran.
    const code = (e as { meta?: { code?: string }; code?: string })?.meta?.code ?? (e as { code?: string })?.code;
    const notMigrated = code === "42P01" || /_prisma_migrations.*does not exist/.test(String((e as Error)?.message));
    return { ok: false, database: notMigrated ? "not_migrated" : "unreachable", migrations: null };
  }
  const migrations = migrationState(expectedMigrations(), rows);
  return migrations.ok ? { ok: true, database: "reachable", migrations } : { ok: false, database: "reachable", migrations };
}
