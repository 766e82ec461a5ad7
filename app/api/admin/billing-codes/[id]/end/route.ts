import { endBillingCode } from "@/lib/billing/data";
import { endBillingCodeSchema } from "@/lib/billing/schema";
import { endpoint } from "@/lib/http/endpoint";

/** POST { effectiveTo, reason }: the row's last day in force; the row stays for the sessions before it. */
export const POST = endpoint({ action: "billing.manage", body: endBillingCodeSchema }, ({ user, params: { id }, input }) => endBillingCode(user, id, input));
