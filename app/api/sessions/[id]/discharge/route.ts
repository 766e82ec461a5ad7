import { discharge } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { dischargeSchema } from "@/lib/sessions/schema";

export const POST = sessionCommand("clinical.record", dischargeSchema, (u, id, input) => discharge(u, id, input));
