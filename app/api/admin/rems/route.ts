import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, parseBody, route } from "@/lib/http/route";
import { remsSetSchema } from "@/lib/rems/schema";
import { createRemsSet } from "@/lib/rems/sets";

/** R45: a new parameter set, taking effect on a future day. */
export const POST = route(async (req) => {
  const user = await authorizeRequest("rems.manage");
  return ok(await createRemsSet(user, await parseBody(req, remsSetSchema)), 201);
});
