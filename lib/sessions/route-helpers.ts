import "server-only";
import type { z } from "zod";
import { authorizeRecord } from "@/lib/auth/authorize-record";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Action } from "@/lib/auth/permissions";
import { idempotencyKeyOf } from "@/lib/db/idempotency";
import { ok, parseBody, route } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string }> };

/** A POST/PUT on one session: authorize for the session's site, validate with the shared schema, run. */
export function sessionCommand<S extends z.ZodType, R>(action: Action, schema: S, run: (user: CurrentUser, sessionId: string, input: z.output<S>, key: string | null) => Promise<R>, status = 200) {
  return route<Ctx>(async (req, ctx) => {
    const { id } = await ctx.params;
    const user = await authorizeRecord(action, "TreatmentSession", id);
    const input = await parseBody(req, schema);
    const result = await run(user, id, input, idempotencyKeyOf(req));
    const replayed = typeof result === "object" && result !== null && "replayed" in result && (result as { replayed: boolean }).replayed;
    return ok(result, replayed ? 200 : status);
  });
}
