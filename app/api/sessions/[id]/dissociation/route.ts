import { recordDissociation } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { dissociationSchema } from "@/lib/sessions/schema";

export const POST = sessionCommand("clinical.record", dissociationSchema, recordDissociation, 201);
