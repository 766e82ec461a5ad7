import { correctDose } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { doseCorrectionSchema } from "@/lib/sessions/schema";

// Prescribers only: a nurse corrects a wrong device by marking it entered in error.
export const POST = sessionCommand("dose.correct", doseCorrectionSchema, (u, id, input) => correctDose(u, id, input));
