import pg from "pg";

/**
 * SQL as the OWNER role (DATABASE_OWNER_URL, set by scripts/with-db.ts), for tests that play someone with
 * full database access. The code under test keeps using db(), which connects as the app role.
 */
export async function asOwner<T extends pg.QueryResultRow = Record<string, unknown>>(...statements: string[]): Promise<T[]> {
  const url = process.env.DATABASE_OWNER_URL;
  if (!url) throw new Error("DATABASE_OWNER_URL is not set: run through scripts/with-db.ts (npm run test:unit, the bench scripts)");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    let rows: T[] = [];
    for (const s of statements) rows = (await c.query<T>(s)).rows;
    return rows;
  } finally {
    await c.end();
  }
}
