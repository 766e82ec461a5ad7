import "server-only";
import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { HttpError } from "@/lib/http/errors";
import { outerTransaction } from "./client";
import { sql } from "./sql";

/** The Idempotency-Key header of a request, if it is a sane value. */
export function idempotencyKeyOf(req: Request): string | null {
  const k = req.headers.get("idempotency-key");
  return k && /^[A-Za-z0-9_-]{8,100}$/.test(k) ? k : null;
}

/** JSON with object keys sorted, so the same request always hashes the same. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v) ?? "null";
}

/** A request that may carry an Idempotency-Key: who sent it, its route (method and path template), its path and JSON body. */
export type KeyedRequest = { key: string | null; userId: string; method: string; routeTemplate: string; path: string; body: unknown };

/**
 * Answers a keyed request once. The key belongs to the user and the route template; the record (hash of
 * path and canonical body, status, body) is written in the same transaction as the effect. A racing
 * first attempt waits on the unique index, then replays the winner's answer. Without a key: just `answer()`.
 * `body` is the request's JSON as the route read it (one read of the stream, no clone of the request).
 */
export async function answerOnce({ key, userId, method, routeTemplate, path, body }: KeyedRequest, answer: () => Promise<Response>): Promise<Response> {
  if (!key) return answer();
  const requestHash = createHash("sha256").update(canonicalJson({ path, body })).digest("hex");
  const route = `${method} ${routeTemplate}`;
  const refused = Symbol("refused");
  let refusal: Response | undefined;
  return outerTransaction(async (tx) => {
    // Raw SQL on the transaction's connection (lib/db/sql): every keyed write passes here.
    const claimed = await sql(tx).execute`INSERT INTO "IdempotencyRecord" ("id", "userId", "route", "key", "requestHash")
      VALUES (gen_random_uuid()::text, ${userId}, ${route}, ${key}, ${requestHash}) ON CONFLICT ("userId", "route", "key") DO NOTHING`;
    if (!claimed) {
      // The claim waited for the first attempt's transaction, so its row is committed here, answer included.
      const [first] = await sql(tx).query<{ requestHash: string; status: number | null; responseBody: unknown }>`
        SELECT "requestHash", "status", "responseBody" FROM "IdempotencyRecord" WHERE "userId" = ${userId} AND "route" = ${route} AND "key" = ${key}`;
      if (first.requestHash !== requestHash)
        throw new HttpError(
          422,
          "IDEMPOTENCY_KEY_REUSED",
          `Idempotency-Key "${key}" was already used for a different request; nothing was saved. Send a new key.`,
        );
      return NextResponse.json(first.responseBody, { status: first.status ?? 200, headers: { "idempotent-replayed": "true" } });
    }
    const res = await answer();
    if (!res.ok) {
      refusal = res; // a refusal is not remembered: roll back the claim, so a corrected retry can run
      throw refused;
    }
    const responseBody = await res.text();
    await sql(tx).execute`UPDATE "IdempotencyRecord" SET "status" = ${res.status}, "responseBody" = ${responseBody}::jsonb
      WHERE "userId" = ${userId} AND "route" = ${route} AND "key" = ${key}`;
    return new Response(responseBody, res);
  }).catch((e) => {
    if (e === refused && refusal) return refusal;
    throw e;
  });
}
