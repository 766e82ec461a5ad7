import { recordAdverseEvent } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { adverseEventSchema } from "@/lib/sessions/schema";

export const POST = sessionCommand("clinical.record", adverseEventSchema, recordAdverseEvent, 201);
