// Is this app server fit to take requests? Pure rules for GET /api/health (no I/O).

/** A row of Prisma's `_prisma_migrations` table, as much of it as the rule needs. */
export type AppliedMigration = { name: string; finishedAt: Date | null; rolledBackAt: Date | null };

export type MigrationState = {
  ok: boolean;
  /** Migrations this build was made with. */
  expected: number;
  /** Of those, applied to the database. */
  applied: number;
  /** Expected by this build but not (successfully) applied: the database is behind; run `prisma migrate deploy`. */
  missing: string[];
  /** Started and never finished (a failed `migrate deploy`): the schema is in an unknown state. */
  failed: string[];
  /**
   * Applied but unknown to this build: a newer release migrated first. Not a failure — during a rolling
   * upgrade the old servers keep serving on the new, backward-compatible schema (README "Clinic network").
   */
  newer: number;
};

export function migrationState(expected: readonly string[], rows: readonly AppliedMigration[]): MigrationState {
  const live = rows.filter((r) => !r.rolledBackAt);
  const done = new Set(live.filter((r) => r.finishedAt).map((r) => r.name));
  const failed = [...new Set(live.filter((r) => !r.finishedAt && !done.has(r.name)).map((r) => r.name))].sort();
  const known = new Set(expected);
  const missing = expected.filter((m) => !done.has(m));
  return {
    ok: missing.length === 0 && failed.length === 0,
    expected: expected.length,
    applied: expected.length - missing.length,
    missing,
    failed,
    newer: [...done].filter((m) => !known.has(m)).length,
  };
}
