import "server-only";
import type { z } from "zod";
import { authorizeRequest } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Action } from "@/lib/auth/permissions";
import { idempotencyKeyOf } from "@/lib/db/idempotency";
import { notFoundError } from "@/lib/http/errors";
import { ok, parseBody, route } from "@/lib/http/route";
import { sessionSite } from "./commands";

type Ctx = { params: Promise<{ id: string }> };

/** A POST/PUT on one session: authorize for the session's site, validate with the shared schema, run. */
export function sessionCommand<S extends z.ZodType, R>(action: Action, schema: S, run: (user: CurrentUser, sessionId: string, input: z.output<S>, key: string | null) => Promise<R>, status = 200) {
  return route<Ctx>(async (req, ctx) => {
    const { id } = await ctx.params;
    const siteId = await sessionSite(id);
    if (!siteId) throw notFoundError("Session");
    const user = await authorizeRequest(action, { siteId, entityType: "TreatmentSession", entityId: id });
    const input = await parseBody(req, schema);
    const result = await run(user, id, input, idempotencyKeyOf(req));
    const replayed = typeof result === "object" && result !== null && "replayed" in result && (result as { replayed: boolean }).replayed;
    return ok(result, replayed ? 200 : status);
  });
}
