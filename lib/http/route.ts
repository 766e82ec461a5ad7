import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError, invalidInput } from "./errors";
import { UNSAFE_TEXT_MESSAGE, unsafeTextPaths } from "./fields";
import { COMMAND_BODY_LIMIT, guardRefusal, isHttps, ownOrigins, securityHeaders } from "./request-guard";

export type ApiError = { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]>; details?: unknown; requestId?: string };

/**
 * Wraps a route handler in `guarded` (below: the CSRF, body and header rules), then: known errors become their
 * 4xx JSON, a unique-constraint clash becomes 409 naming the field, and anything unexpected is logged with a
 * request id and answered generically.
 */
export function route<C>(fn: (req: Request, ctx: C) => Promise<Response>) {
  return guarded(async (req: Request, ctx: C): Promise<Response> => {
    try {
      return await fn(req, ctx);
    } catch (e) {
      if (e instanceof HttpError)
        return NextResponse.json<ApiError>(
          { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors, details: e.details },
          { status: e.status },
        );
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
        const target = String((e.meta as { target?: unknown } | undefined)?.target ?? "");
        return NextResponse.json<ApiError>({ ok: false, code: "DUPLICATE", message: `That value is already in use (${target}).` }, { status: 409 });
      }
      // Interrupts from next/navigation (redirect, notFound, forbidden) must propagate.
      if (e && typeof e === "object" && "digest" in e) throw e;
      const requestId = randomUUID();
      console.error(`[${requestId}]`, e);
      return NextResponse.json<ApiError>(
        { ok: false, code: "SERVER_ERROR", message: "Something went wrong; nothing was saved. Reference: " + requestId, requestId },
        { status: 500 },
      );
    }
  });
}

/**
 * The HTTP edge of every API route (`route()` wraps each handler in it; next-auth's and the health check's handlers
 * directly): writes from another site, writes that are not JSON and bodies over the limit are refused before the
 * handler runs (lib/http/request-guard), and every answer gets the security headers and `no-store`. proxy.ts does
 * the same for pages; it skips /api, because Next.js's proxy step costs about 1 ms of CPU per request, the largest
 * single share of a chair-side write's (README, Performance). e2e/security.spec.ts sends a forged write to every
 * mutating handler under app/api and reads the headers of every GET, so a route that is not wrapped fails there.
 */
export function guarded<C>(fn: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    const url = new URL(req.url);
    const refusal = guardRefusal({
      method: req.method,
      pathname: url.pathname,
      headers: req.headers,
      ownOrigins: ownOrigins(req.url, req.headers, process.env.NEXTAUTH_URL),
    });
    const res = refusal
      ? NextResponse.json<ApiError>({ ok: false, code: refusal.code, message: refusal.message }, { status: refusal.status })
      : await fn(req, ctx);
    return withHeaders(res, securityHeaders({ https: isHttps(req.url, req.headers), noStore: true, instance: process.env.INSTANCE_ID }));
  };
}

/** `res` with `headers` set; a Response whose headers are immutable (a redirect, a fetched one) is copied first. */
function withHeaders(res: Response, headers: Record<string, string>): Response {
  try {
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  } catch {
    const copy = new Response(res.body, res);
    for (const [k, v] of Object.entries(headers)) copy.headers.set(k, v);
    return copy;
  }
}

const tooLarge = (limit: number) => new HttpError(413, "TOO_LARGE", `The request body is larger than ${Math.round(limit / 1024)} KB; nothing was saved.`);

/** The body as text, refused (413) as soon as it passes `limit` bytes, whatever Content-Length said. */
async function boundedText(req: Request, limit: number): Promise<string> {
  if (Number(req.headers.get("content-length") ?? 0) > limit) throw tooLarge(limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/**
 * Reads a command's JSON body: at most 64 KB (413), valid JSON (422), and no NUL or bidirectional control
 * character in any string or key (422 naming the field; lib/http/fields UNSAFE_TEXT). Every route that takes
 * JSON reads its body here, so a schema that forgets the text primitive cannot let them in.
 */
export async function readJsonBody(req: Request, limit = COMMAND_BODY_LIMIT): Promise<unknown> {
  const text = await boundedText(req, limit);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidInput({}, "The request body is not valid JSON.");
  }
  const unsafe = unsafeTextPaths(body);
  if (unsafe.length) throw invalidInput(Object.fromEntries(unsafe.map((p) => [p, [UNSAFE_TEXT_MESSAGE]])));
  return body;
}

/** Parses a JSON body with a zod schema; malformed JSON or invalid fields are a 422 with field messages. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  return validBody(await readJsonBody(req), schema);
}

/** A body already read by `readJsonBody`, through its schema (422 with field messages). */
export function validBody<S extends z.ZodType>(body: unknown, schema: S): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success) {
    const { formErrors, fieldErrors } = z.flattenError(r.error);
    // A body that is not an object at all (an array, a string) has no field: it is named "body".
    throw invalidInput({ ...(formErrors.length ? { body: formErrors } : {}), ...(fieldErrors as Record<string, string[]>) });
  }
  return r.data;
}

export const ok = <T>(data: T, status = 200) => NextResponse.json({ ok: true, data }, { status });
