import "server-only";
import { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { createAdapter } from "./adapter";

export { Prisma };
export type Tx = Prisma.TransactionClient;

const g = globalThis as unknown as { __prisma?: PrismaClient };

// Created lazily: `next build` has no DATABASE_URL and must not connect (STACK §4).
export const db = (): PrismaClient => (g.__prisma ??= new PrismaClient({ adapter: createAdapter() }));

/** Every write that matters runs here, so its audit row commits or rolls back with it. */
export function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(fn, { maxWait: 10_000, timeout: 20_000 });
}
