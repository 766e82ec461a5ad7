import { recordSedation } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { sedationSchema } from "@/lib/sessions/schema";

export const POST = sessionCommand("clinical.record", sedationSchema, recordSedation, 201);
