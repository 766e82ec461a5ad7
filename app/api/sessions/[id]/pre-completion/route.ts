import { recordPreCompletion } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { preCompletionSchema } from "@/lib/sessions/schema";

export const POST = sessionCommand("clinical.record", preCompletionSchema, (u, id, input) => recordPreCompletion(u, id, input), 201);
