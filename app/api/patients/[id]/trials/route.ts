import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { addTrial } from "@/lib/outcomes/trials";
import { trialSchema } from "@/lib/outcomes/schema";

/** POST a trial of the current episode — prescribers of the patient's site. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("trd.manage", "Patient", id);
  return ok(await addTrial(user, id, await parseBody(req, trialSchema)), 201);
});
