import { emergencyTransfer } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { transferSchema } from "@/lib/sessions/schema";

export const POST = sessionCommand("clinical.record", transferSchema, (u, id, input) => emergencyTransfer(u, id, input));
