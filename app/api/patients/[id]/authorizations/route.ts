import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { recordAuthorization } from "@/lib/authorizations/data";
import { priorAuthorizationSchema } from "@/lib/authorizations/schema";

/** POST a payer's prior authorization for the patient (prescribers and administrators). */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("authorization.manage", "Patient", id);
  return ok(await recordAuthorization(user, id, await parseBody(req, priorAuthorizationSchema)), 201);
});
