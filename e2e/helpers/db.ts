import pg from "pg";

// Direct access to the e2e database, for setting up facts a person cannot (an aged session)
// and for checking what the server wrote (audit rows). Never used to fake what the UI should do.
const url = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 54339}/app`;

export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

export const userId = async (email: string) => (await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]))[0]?.id;

export const auditActions = async (email: string, since: Date) =>
  (await sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "actorEmail" = $1 AND at >= $2 ORDER BY id`, [email, since])).map((r) => r.action);
