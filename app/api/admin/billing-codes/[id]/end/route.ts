import { authorizeRequest } from "@/lib/auth/authorize";
import { endBillingCode } from "@/lib/billing/data";
import { endBillingCodeSchema } from "@/lib/billing/schema";
import { ok, parseBody, route } from "@/lib/http/route";

/** POST { effectiveTo, reason }: the row's last day in force; the row stays for the sessions before it. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const user = await authorizeRequest("billing.manage");
  const { id } = await ctx.params;
  return ok(await endBillingCode(user, id, await parseBody(req, endBillingCodeSchema)));
});
