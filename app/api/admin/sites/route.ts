import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, parseBody, route } from "@/lib/http/route";
import { createSite } from "@/lib/sites/data";
import { siteCreateSchema } from "@/lib/sites/schema";

export const POST = route(async (req) => {
  const user = await authorizeRequest("site.manage");
  return ok(await createSite(user, await parseBody(req, siteCreateSchema)), 201);
});
