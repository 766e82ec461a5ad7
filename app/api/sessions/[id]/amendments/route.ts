import { amendSession } from "@/lib/signoff/data";
import { amendmentSchema } from "@/lib/signoff/schema";
import { sessionCommand } from "@/lib/sessions/route-helpers";

export const POST = sessionCommand("clinical.record", amendmentSchema, (user, id, input) => amendSession(user, id, input), 201);
