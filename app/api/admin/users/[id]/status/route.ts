import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, parseBody, route } from "@/lib/http/route";
import { setUserDisabled } from "@/lib/users/data";
import { userStatusSchema } from "@/lib/users/schema";

/** POST { disabled, reason }: disabling ends the user's sessions at once. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const user = await authorizeRequest("user.manage");
  const { id } = await ctx.params;
  const { disabled, reason } = await parseBody(req, userStatusSchema);
  return ok(await setUserDisabled(user, id, disabled, reason));
});
