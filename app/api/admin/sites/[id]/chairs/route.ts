import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { addChair } from "@/lib/sites/data";
import { chairCreateSchema } from "@/lib/sites/schema";

export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  // Only an administrator of this site (another site "does not exist": 404).
  const user = await authorizeRecord("site.manage", "Site", id);
  const { label } = await parseBody(req, chairCreateSchema);
  return ok(await addChair(user, id, label), 201);
});
