// Prisma driver adapter for PostgreSQL, shared by the CLI (prisma.config.ts), the app and scripts.
// It only knows DATABASE_URL; scripts/with-db.ts sets it to the embedded server when unset.
// The shims are documented in docs/decisions.md (numbers match ../shared/STACK.md).
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

export const DEFAULT_PG_PORT = 54329;
export const embeddedUrl = (port: number | string = DEFAULT_PG_PORT) => `postgresql://postgres:postgres@127.0.0.1:${port}/app`;

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) throw new Error("DATABASE_URL is not a postgresql:// URL. Run through scripts/with-db.ts.");
  return url;
}

// Shim 5 (prisma/orm#27403): columns of type `name`/`char` arrive with OIDs the adapter cannot decode.
let patched = false;
function patchColumnTypes(adapter: object) {
  if (patched) return;
  patched = true;
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter)); // PgQueryable.prototype
  const performIO = proto.performIO;
  proto.performIO = async function (this: unknown, query: unknown) {
    const res = await performIO.call(this, query);
    for (const f of res?.fields ?? []) if (f.dataTypeID === 19 || f.dataTypeID === 18) f.dataTypeID = 25;
    return res;
  };
}

/** The pg connection of one transaction, open until Prisma commits or rolls it back (and hands the connection back to the pool). */
export type TransactionLease = { conn: pg.PoolClient; open: boolean };

/**
 * Told the lease of each transaction the adapter starts inside `run` (lib/db/client transaction()), so that raw SQL
 * can go to that connection without Prisma's per-statement work (lib/db/sql).
 */
// On globalThis, like lib/db/client's state: one process may load this module more than once.
const shared = globalThis as unknown as { __transactionConnections?: AsyncLocalStorage<(lease: TransactionLease) => void> };
export const transactionConnections = (shared.__transactionConnections ??= new AsyncLocalStorage());

type AdapterTransaction = { client: pg.PoolClient; commit(): Promise<void>; rollback(): Promise<void> };
type Startable = { startTransaction: (...a: unknown[]) => Promise<AdapterTransaction> };

type Scriptable = { executeScript: (s: string) => Promise<void>; underlyingDriver(): pg.Pool; onError(e: unknown): never };

/**
 * Every connection of the app runs without parallel query workers. Its reads are index-driven pages (a keyset page,
 * a report's page): starting two workers for one took ≈ 30 ms and passing wide rows through their queues cost more,
 * so the PMF export's 50 pages of 2 000 forms took 3.5–4.0 s with them and 1.1 s without (docs/decisions.md). A
 * DATABASE_URL that sets `options` itself wins.
 */
const CONNECTION_OPTIONS = "-c max_parallel_workers_per_gather=0";

/** `onPool` learns the pg pool once Prisma connects (lib/db/sql sends raw SQL outside transactions there). */
export function createAdapter(url = databaseUrl(), onPool?: (pool: pg.Pool) => void) {
  const factory = new PrismaPg({
    connectionString: url,
    options: CONNECTION_OPTIONS,
    allowExitOnIdle: true,
    max: Number(process.env.PG_POOL_MAX ?? 10),
  });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    patchColumnTypes(adapter);
    const t = adapter as unknown as Startable;
    const start = t.startTransaction.bind(adapter);
    t.startTransaction = async (...a: unknown[]) => {
      const tx = await start(...a);
      const lease: TransactionLease = { conn: tx.client, open: true };
      for (const end of ["commit", "rollback"] as const) {
        const release = tx[end].bind(tx);
        tx[end] = () => {
          lease.open = false; // before the connection goes back to the pool, where another transaction may take it
          return release();
        };
      }
      transactionConnections.getStore()?.(lease);
      return tx;
    };
    // Shim 8: the stock executeScript splits on ";" and breaks quoted strings and $$ bodies.
    const a = adapter as unknown as Scriptable;
    onPool?.(a.underlyingDriver());
    a.executeScript = async (script: string) => {
      await a
        .underlyingDriver()
        .query(script)
        .catch((e: unknown) => a.onError(e));
    };
    return adapter;
  };
  // Shim 6: `migrate dev` gets its own throwaway shadow database on the same server.
  factory.connectToShadowDb = async () => {
    const name = `prisma_shadow_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const shadow = await createAdapter(u.toString()).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    return shadow;
  };
  return factory;
}
