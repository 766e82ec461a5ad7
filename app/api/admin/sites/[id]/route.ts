import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { updateSite } from "@/lib/sites/data";
import { siteSchema } from "@/lib/sites/schema";

/** PATCH with the version the form was loaded at: 409 if someone saved in between. */
export const PATCH = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  // Only an administrator of this site (another site "does not exist": 404).
  const user = await authorizeRecord("site.manage", "Site", id);
  return ok(await updateSite(user, id, await parseBody(req, siteSchema)));
});
