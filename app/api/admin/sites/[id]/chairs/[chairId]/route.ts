import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, parseBody, route } from "@/lib/http/route";
import { updateChair } from "@/lib/sites/data";
import { chairUpdateSchema } from "@/lib/sites/schema";

/** PATCH { label, active }: rename a chair or take it out of (or back into) service. */
export const PATCH = route<{ params: Promise<{ id: string; chairId: string }> }>(async (req, ctx) => {
  const user = await authorizeRequest("site.manage");
  const { id, chairId } = await ctx.params;
  return ok(await updateChair(user, id, chairId, await parseBody(req, chairUpdateSchema)));
});
