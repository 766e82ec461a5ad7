import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { addFlag } from "@/lib/patients/flags";
import { addFlagSchema } from "@/lib/patients/schema";

/** POST { kind, note } — prescribers only (R47). */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("flag.manage", "Patient", id);
  return ok(await addFlag(user, id, await parseBody(req, addFlagSchema)), 201);
});
