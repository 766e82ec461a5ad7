import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { resetSecondFactor } from "@/lib/users/data";
import { userStatusSchema } from "@/lib/users/schema";

/** POST { reason }: turns off the user's two-step sign-in (lost authenticator) and ends their sessions; audited. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("user.manage", "User", id);
  const { reason } = await parseBody(req, userStatusSchema);
  return ok(await resetSecondFactor(user, id, reason));
});
