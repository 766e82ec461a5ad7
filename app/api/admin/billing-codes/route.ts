import { addBillingCode } from "@/lib/billing/data";
import { billingCodeSchema } from "@/lib/billing/schema";
import { endpoint } from "@/lib/http/endpoint";

/** POST: a new row of the effective-dated billing-code table; audited. */
export const POST = endpoint({ action: "billing.manage", body: billingCodeSchema, status: 201 }, ({ user, input }) => addBillingCode(user, input));
