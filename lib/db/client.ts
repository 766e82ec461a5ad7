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

/**
 * Every write that matters runs here, so its audit row commits or rolls back with it. Inside
 * `outerTransaction` it joins that transaction (the idempotency record commits with the effect).
 */
export function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const outer = ambient.getStore();
  if (outer) return fn(outer);
  return db().$transaction(fn, { maxWait: 10_000, timeout: 20_000 });
}

/** One transaction that every `transaction()` call made inside `fn` joins. */
export function outerTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction((tx) => ambient.run(tx, () => fn(tx)), { maxWait: 10_000, timeout: 20_000 });
}
