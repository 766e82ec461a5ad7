import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { disableUser } from "@/lib/users/data";
import { userStatusSchema } from "@/lib/users/schema";

/** POST { reason }: disables the account and ends all of its sessions at once. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  // Only an administrator of every one of the user's sites; for anyone else the user does not exist (404).
  const user = await authorizeRecord("user.manage", "User", id);
  const { reason } = await parseBody(req, userStatusSchema);
  return ok(await disableUser(user, id, reason));
});
