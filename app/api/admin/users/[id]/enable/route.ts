import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, parseBody, route } from "@/lib/http/route";
import { enableUser } from "@/lib/users/data";
import { userStatusSchema } from "@/lib/users/schema";

/** POST { reason }: lets a disabled account sign in again. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const user = await authorizeRequest("user.manage");
  const { id } = await ctx.params;
  const { reason } = await parseBody(req, userStatusSchema);
  return ok(await enableUser(user, id, reason));
});
