import "server-only";
import type { z } from "zod";
import { authorizeRecord } from "@/lib/auth/authorize-record";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Action } from "@/lib/auth/permissions";
import { answerOnce } from "@/lib/db/idempotency";
import { ok, parseBody, route } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string }> };

/**
 * A POST/PUT on one session: authorize for the session's site, validate with the shared schema, run.
 * With an Idempotency-Key the first answer is remembered and replayed (lib/db/idempotency).
 */
export function sessionCommand<S extends z.ZodType, R>(
  action: Action,
  schema: S,
  run: (user: CurrentUser, sessionId: string, input: z.output<S>) => Promise<R>,
  status = 200,
) {
  return route<Ctx>(async (req, ctx) => {
    const { id } = await ctx.params;
    const user = await authorizeRecord(action, "TreatmentSession", id);
    const template = new URL(req.url).pathname.replace(`/${id}`, "/[id]");
    return answerOnce(req.clone(), user.id, template, async () => ok(await run(user, id, await parseBody(req, schema)), status));
  });
}
