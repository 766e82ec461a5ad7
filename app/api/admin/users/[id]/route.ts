import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, parseBody, route } from "@/lib/http/route";
import { updateUser } from "@/lib/users/data";
import { updateUserSchema } from "@/lib/users/schema";

/** PATCH with the version the form was loaded at: 409 if someone saved in between. */
export const PATCH = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const user = await authorizeRequest("user.manage");
  const { id } = await ctx.params;
  return ok(await updateUser(user, id, await parseBody(req, updateUserSchema)));
});
