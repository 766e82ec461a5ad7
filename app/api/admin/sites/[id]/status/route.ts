import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { setSiteActive } from "@/lib/sites/data";
import { siteStatusSchema } from "@/lib/sites/schema";

/** POST { active: false } deactivates the site (no new sessions, history kept); { active: true } reactivates it. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  // Only an administrator of this site may close it (another site "does not exist": 404).
  const user = await authorizeRecord("site.manage", "Site", id);
  const { active } = await parseBody(req, siteStatusSchema);
  return ok(await setSiteActive(user, id, active));
});
