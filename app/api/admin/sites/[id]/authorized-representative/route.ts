import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { changeAuthorizedRepresentative } from "@/lib/sites/data";
import { arChangeSchema } from "@/lib/sites/schema";

/** POST a new Authorized Representative: closes the current one and requires re-certification (R2). */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  // Only an administrator of this site (another site "does not exist": 404).
  const user = await authorizeRecord("site.manage", "Site", id);
  return ok(await changeAuthorizedRepresentative(user, id, await parseBody(req, arChangeSchema)), 201);
});
