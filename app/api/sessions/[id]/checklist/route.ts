import { saveChecklist } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { checklistSchema } from "@/lib/sessions/schema";

export const PUT = sessionCommand("clinical.record", checklistSchema, (u, id, input) => saveChecklist(u, id, input));
