import { setDose } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { doseSchema } from "@/lib/sessions/schema";

export const PUT = sessionCommand("clinical.record", doseSchema, (u, id, input) => setDose(u, id, input));
