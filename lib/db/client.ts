import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";
import { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { createAdapter, transactionConnections, type TransactionLease } from "./adapter";

export { Prisma };
export type Tx = Prisma.TransactionClient;

// On globalThis: one process may load this module more than once (the dev server's reloads; in a build, the
// instrumentation bundle, which creates the client at start, and the routes' bundles).
const g = globalThis as unknown as {
  __prisma?: PrismaClient;
  __pools?: WeakMap<PrismaClient, pg.Pool>;
  __leases?: WeakMap<Tx, TransactionLease>;
  __ambient?: AsyncLocalStorage<Tx>;
};
const pools = (g.__pools ??= new WeakMap());
const leases = (g.__leases ??= new WeakMap());
const ambient = (g.__ambient ??= new AsyncLocalStorage());

// Created lazily: `next build` has no DATABASE_URL and must not connect (STACK §4).
export const db = (): PrismaClient => {
  if (!g.__prisma) {
    const client = new PrismaClient({ adapter: createAdapter(undefined, (pool) => pools.set(client, pool)) });
    g.__prisma = client;
  }
  return g.__prisma;
};

/** The pg pool under `db()`, once Prisma has connected (lib/db/sql sends raw SQL outside transactions there). */
export const poolOf = (client: PrismaClient): pg.Pool | undefined => pools.get(client);

/** The lease on the pg connection a `transaction()` runs on (lib/db/sql sends raw SQL there); undefined for any other `tx`. */
export const leaseOf = (tx: Tx): TransactionLease | undefined => leases.get(tx);

function begin<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  let lease: TransactionLease | undefined;
  return transactionConnections.run(
    (l) => (lease ??= l), // the first: this transaction's; a transaction started inside fn is another one
    () =>
      db().$transaction(
        (tx) => {
          if (lease) leases.set(tx, lease);
          return fn(tx);
        },
        { maxWait: 10_000, timeout: 20_000 },
      ),
  );
}

/**
 * Every write that matters runs here, so its audit row commits or rolls back with it. Inside
 * `outerTransaction` it joins that transaction (the idempotency record commits with the effect).
 */
export function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const outer = ambient.getStore();
  if (outer) return fn(outer);
  return begin(fn);
}

/** One transaction that every `transaction()` call made inside `fn` joins. */
export function outerTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return begin((tx) => ambient.run(tx, () => fn(tx)));
}
