import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { enableUser } from "@/lib/users/data";
import { userStatusSchema } from "@/lib/users/schema";

/** POST { reason }: lets a disabled account sign in again. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  // Only an administrator of every one of the user's sites; for anyone else the user does not exist (404).
  const user = await authorizeRecord("user.manage", "User", id);
  const { reason } = await parseBody(req, userStatusSchema);
  return ok(await enableUser(user, id, reason));
});
