import { recordVital } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { vitalsSchema } from "@/lib/sessions/schema";

export const POST = sessionCommand("clinical.record", vitalsSchema, recordVital, 201);
