import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { createAdapter } from "./adapter";

export { Prisma };
export type Tx = Prisma.TransactionClient;

const g = globalThis as unknown as { __prisma?: PrismaClient };

// Created lazily: `next build` has no DATABASE_URL and must not connect (STACK §4).
export const db = (): PrismaClient => (g.__prisma ??= new PrismaClient({ adapter: createAdapter() }));

const ambient = new AsyncLocalStorage<Tx>();
const beforeCommit = new WeakMap<Tx, (() => Promise<unknown>)[]>();

/** Runs `fn`, then the statements it deferred with `atCommit`, in order, as the transaction's last statements. */
async function withDeferred<T>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const deferred: (() => Promise<unknown>)[] = [];
  beforeCommit.set(tx, deferred);
  const out = await fn(tx);
  for (const run of deferred) await run();
  return out;
}

/**
 * Defers a statement to the end of a `transaction()`, just before COMMIT, so that a lock it takes (an audit chain's
 * head) is held for the last statements only and is always taken after the rows the transaction changed. False when
 * `tx` is not one of `transaction()`'s: the caller runs the statement itself.
 */
export function atCommit(tx: Tx, run: () => Promise<unknown>): boolean {
  const deferred = beforeCommit.get(tx);
  deferred?.push(run);
  return !!deferred;
}

/**
 * Every write that matters runs here, so its audit row commits or rolls back with it. Inside
 * `outerTransaction` it joins that transaction (the idempotency record commits with the effect).
 */
export function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const outer = ambient.getStore();
  if (outer) return fn(outer);
  return db().$transaction((tx) => withDeferred(tx, fn), { maxWait: 10_000, timeout: 20_000 });
}

/** One transaction that every `transaction()` call made inside `fn` joins. */
export function outerTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction((tx) => ambient.run(tx, () => withDeferred(tx, fn)), { maxWait: 10_000, timeout: 20_000 });
}
