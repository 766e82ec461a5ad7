import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { removeFlag } from "@/lib/patients/flags";
import { removeFlagSchema } from "@/lib/patients/schema";

/** POST { reason } — prescribers only; the flag stays in the history (R8). */
export const POST = route<{ params: Promise<{ id: string; flagId: string }> }>(async (req, ctx) => {
  const { id, flagId } = await ctx.params;
  const user = await authorizeRecord("flag.manage", "Patient", id);
  const { reason } = await parseBody(req, removeFlagSchema);
  return ok(await removeFlag(user, id, flagId, reason));
});
