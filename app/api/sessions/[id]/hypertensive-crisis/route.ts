import { recordHypertensiveCrisis } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { crisisSchema } from "@/lib/sessions/schema";

/** POST { symptoms[], notedAt? } — R26: opens a serious hypertension event and the emergency-referral banner. */
export const POST = sessionCommand("clinical.record", crisisSchema, recordHypertensiveCrisis, 201);
