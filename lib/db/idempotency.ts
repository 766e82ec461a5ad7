import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Runs `create` once per idempotency key: a retry (same key) gets the first result back instead of a
 * second row. Two racing first attempts are settled by the unique index: the loser re-reads.
 */
export async function onceByKey<T>(key: string | null, find: (key: string) => Promise<T | null>, create: () => Promise<T>): Promise<{ result: T; replayed: boolean }> {
  if (key) {
    const existing = await find(key);
    if (existing) return { result: existing, replayed: true };
  }
  try {
    return { result: await create(), replayed: false };
  } catch (e) {
    if (key && e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const existing = await find(key);
      if (existing) return { result: existing, replayed: true };
    }
    throw e;
  }
}

/** The Idempotency-Key header of a request, if it is a sane value. */
export function idempotencyKeyOf(req: Request): string | null {
  const k = req.headers.get("idempotency-key");
  return k && /^[A-Za-z0-9_-]{8,100}$/.test(k) ? k : null;
}
