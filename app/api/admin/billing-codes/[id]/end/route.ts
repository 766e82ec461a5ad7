import { endBillingCode } from "@/lib/billing/data";
import { endBillingCodeSchema } from "@/lib/billing/schema";
import { command } from "@/lib/http/command";

/** POST { effectiveTo, reason }: the row's last day in force; the row stays for the sessions before it. */
export const POST = command({ action: "billing.manage", body: endBillingCodeSchema }, ({ user, params: { id }, input }) => endBillingCode(user, id, input));
