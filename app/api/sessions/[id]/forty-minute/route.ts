import { designateFortyMinute } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { designateFortySchema } from "@/lib/sessions/schema";

export const POST = sessionCommand("clinical.record", designateFortySchema, (u, id, input) => designateFortyMinute(u, id, input));
