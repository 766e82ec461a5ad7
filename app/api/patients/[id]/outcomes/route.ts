import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { recordOutcome } from "@/lib/outcomes/data";
import { outcomeSchema } from "@/lib/outcomes/schema";

/** POST { instrument, items[], takenAt?, sessionId? } — nurses and psychiatrists of the patient's site. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("clinical.record", "Patient", id);
  return ok(await recordOutcome(user, id, await parseBody(req, outcomeSchema)), 201);
});
