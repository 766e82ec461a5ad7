import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { unlockUser } from "@/lib/users/data";
import { userStatusSchema } from "@/lib/users/schema";

/** POST { reason }: lifts the account's sign-in lock (too many failed sign-ins) now; audited. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("user.manage", "User", id);
  const { reason } = await parseBody(req, userStatusSchema);
  return ok(await unlockUser(user, id, reason));
});
