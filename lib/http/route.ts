import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError, invalidInput } from "./errors";

export type ApiError = { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]>; details?: unknown; requestId?: string };

/**
 * Wraps a route handler: known errors become their 4xx JSON, a unique-constraint clash becomes 409
 * naming the field, and anything unexpected is logged with a request id and answered generically.
 */
export function route<C>(fn: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      return await fn(req, ctx);
    } catch (e) {
      if (e instanceof HttpError)
        return NextResponse.json<ApiError>({ ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors, details: e.details }, { status: e.status });
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
        const target = String((e.meta as { target?: unknown } | undefined)?.target ?? "");
        return NextResponse.json<ApiError>({ ok: false, code: "DUPLICATE", message: `That value is already in use (${target}).` }, { status: 409 });
      }
      // Interrupts from next/navigation (redirect, notFound, forbidden) must propagate.
      if (e && typeof e === "object" && "digest" in e) throw e;
      const requestId = randomUUID();
      console.error(`[${requestId}]`, e);
      return NextResponse.json<ApiError>({ ok: false, code: "SERVER_ERROR", message: "Something went wrong; nothing was saved. Reference: " + requestId, requestId }, { status: 500 });
    }
  };
}

/** Parses a JSON body with a zod schema; malformed JSON or invalid fields are a 422 with field messages. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw invalidInput({}, "The request body is not valid JSON.");
  }
  const r = schema.safeParse(body);
  if (!r.success) throw invalidInput(z.flattenError(r.error).fieldErrors as Record<string, string[]>);
  return r.data;
}

export const ok = <T>(data: T, status = 200) => NextResponse.json({ ok: true, data }, { status });
