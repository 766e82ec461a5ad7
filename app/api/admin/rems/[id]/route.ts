import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, route } from "@/lib/http/route";
import { withdrawRemsSet } from "@/lib/rems/sets";

/** Withdraws a set that has not taken effect; a set in force or past is 409. */
export const DELETE = route<{ params: Promise<{ id: string }> }>(async (_req, ctx) => {
  const user = await authorizeRequest("rems.manage");
  const { id } = await ctx.params;
  return ok(await withdrawRemsSet(user, id));
});
