import "server-only";
import { createHash } from "node:crypto";
import { leaseOf, db, poolOf, type Tx } from "./client";

const statements = new WeakMap<TemplateStringsArray, { name: string; text: string }>();

/**
 * The prepared statement of a tagged template, with $1, $2, … for its values. A template's strings are one object
 * per place in the code, so each place is one named statement, which PostgreSQL parses and plans once per connection
 * rather than on every call (Prisma's adapter sends unnamed statements, planned each time). The name is a hash of the
 * text, so that every copy of this module in the process (lib/db/client says why there are several) names a
 * statement alike on a shared connection.
 */
function statement(strings: TemplateStringsArray) {
  let s = statements.get(strings);
  if (!s) {
    const text = strings.reduce((sql, part, i) => `${sql}$${i}${part}`);
    statements.set(strings, (s = { name: `sql_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`, text }));
  }
  return s;
}

/**
 * Raw SQL without Prisma's work per statement: in a transaction, on that transaction's own pg connection (recorded
 * by `transaction()`); without one (or given `db()` itself), on the pool under `db()`. Prisma 6.19 runs every statement, raw ones too,
 * through its WASM query compiler with no plan cache, ≈ 0.3 ms of Node CPU each, and a chair-side write sends several
 * (README, Performance). The SQL and its parameters reach PostgreSQL exactly as through `$queryRaw`, whose adapter
 * sends them with the same pg client. Rows come as pg parses them, which for text, integers, booleans, timestamptz
 * and json is what Prisma returns; select no int8 or numeric column here (pg gives a string, Prisma a bigint or
 * Decimal). Any other `tx` (a bare `db().$transaction`), or a client that has not connected yet, goes through Prisma.
 */
export function sql(tx?: Tx) {
  const root = !tx || tx === db(); // the client itself (a reader that takes a `tx` or the client) is no transaction
  const lease = root ? undefined : leaseOf(tx);
  const pool = root ? poolOf(db()) : undefined;
  const prisma = tx ?? db();
  const send = (strings: TemplateStringsArray, values: unknown[]) => {
    // A transaction Prisma has ended (committed, or rolled back on its timeout) gave its connection back to the pool.
    if (lease && !lease.open) throw new Error("This transaction has ended; nothing more can be sent in it.");
    return (lease?.conn ?? pool)!.query({ ...statement(strings), values });
  };
  return {
    async query<T>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T[]> {
      if (!lease && !pool) return prisma.$queryRaw<T[]>(strings, ...values);
      return (await send(strings, values)).rows as T[];
    },
    async execute(strings: TemplateStringsArray, ...values: unknown[]): Promise<number> {
      if (!lease && !pool) return prisma.$executeRaw(strings, ...values);
      return (await send(strings, values)).rowCount ?? 0;
    },
  };
}

/** A row type as `json_build_object` sends it: each instant an ISO string, each calendar date "YYYY-MM-DD". */
export type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
