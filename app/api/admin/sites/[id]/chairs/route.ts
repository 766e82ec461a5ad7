import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, parseBody, route } from "@/lib/http/route";
import { addChair } from "@/lib/sites/data";
import { chairCreateSchema } from "@/lib/sites/schema";

export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const user = await authorizeRequest("site.manage");
  const { id } = await ctx.params;
  const { label } = await parseBody(req, chairCreateSchema);
  return ok(await addChair(user, id, label), 201);
});
