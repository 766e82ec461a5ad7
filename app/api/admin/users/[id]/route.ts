import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { updateUser } from "@/lib/users/data";
import { updateUserSchema } from "@/lib/users/schema";

/** PATCH with the version the form was loaded at: 409 if someone saved in between. */
export const PATCH = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  // Only an administrator of every one of the user's sites; for anyone else the user does not exist (404).
  const user = await authorizeRecord("user.manage", "User", id);
  return ok(await updateUser(user, id, await parseBody(req, updateUserSchema)));
});
