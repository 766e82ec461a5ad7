import { recordDevice } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { deviceSchema } from "@/lib/sessions/schema";

export const POST = sessionCommand("clinical.record", deviceSchema, recordDevice, 201);
