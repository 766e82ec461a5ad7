import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, parseBody, route } from "@/lib/http/route";
import { updateSite } from "@/lib/sites/data";
import { siteSchema } from "@/lib/sites/schema";

/** PATCH with the version the form was loaded at: 409 if someone saved in between. */
export const PATCH = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const user = await authorizeRequest("site.manage");
  const { id } = await ctx.params;
  return ok(await updateSite(user, id, await parseBody(req, siteSchema)));
});
