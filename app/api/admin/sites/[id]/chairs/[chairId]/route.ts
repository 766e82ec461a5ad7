import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { updateChair } from "@/lib/sites/data";
import { chairUpdateSchema } from "@/lib/sites/schema";

/** PATCH { label, active }: rename a chair or take it out of (or back into) service. */
export const PATCH = route<{ params: Promise<{ id: string; chairId: string }> }>(async (req, ctx) => {
  const { id, chairId } = await ctx.params;
  // Only an administrator of this site (another site "does not exist": 404).
  const user = await authorizeRecord("site.manage", "Site", id);
  return ok(await updateChair(user, id, chairId, await parseBody(req, chairUpdateSchema)));
});
