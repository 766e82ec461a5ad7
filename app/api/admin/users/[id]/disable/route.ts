import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, parseBody, route } from "@/lib/http/route";
import { disableUser } from "@/lib/users/data";
import { userStatusSchema } from "@/lib/users/schema";

/** POST { reason }: disables the account and ends all of its sessions at once. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const user = await authorizeRequest("user.manage");
  const { id } = await ctx.params;
  const { reason } = await parseBody(req, userStatusSchema);
  return ok(await disableUser(user, id, reason));
});
