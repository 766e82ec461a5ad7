import { endNotDosed } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { notDosedSchema } from "@/lib/sessions/schema";

export const POST = sessionCommand("clinical.record", notDosedSchema, (u, id, input) => endNotDosed(u, id, input));
