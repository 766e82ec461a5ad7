import { addBillingCode } from "@/lib/billing/data";
import { billingCodeSchema } from "@/lib/billing/schema";
import { command } from "@/lib/http/command";

/** POST: a new row of the effective-dated billing-code table; audited. */
export const POST = command({ action: "billing.manage", body: billingCodeSchema, status: 201 }, ({ user, input }) => addBillingCode(user, input));
