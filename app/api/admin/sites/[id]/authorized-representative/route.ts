import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, parseBody, route } from "@/lib/http/route";
import { changeAuthorizedRepresentative } from "@/lib/sites/data";
import { arChangeSchema } from "@/lib/sites/schema";

/** POST a new Authorized Representative: closes the current one and requires re-certification (R2). */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const user = await authorizeRequest("site.manage");
  const { id } = await ctx.params;
  return ok(await changeAuthorizedRepresentative(user, id, await parseBody(req, arChangeSchema)), 201);
});
