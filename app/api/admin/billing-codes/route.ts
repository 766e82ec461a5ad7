import { authorizeRequest } from "@/lib/auth/authorize";
import { addBillingCode } from "@/lib/billing/data";
import { billingCodeSchema } from "@/lib/billing/schema";
import { ok, parseBody, route } from "@/lib/http/route";

/** POST: a new row of the effective-dated billing-code table; audited. */
export const POST = route(async (req) => {
  const user = await authorizeRequest("billing.manage");
  return ok(await addBillingCode(user, await parseBody(req, billingCodeSchema)), 201);
});
