import { recordSessionDeviation } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { deviationSchema } from "@/lib/sessions/schema";

// Nurses and psychiatrists record a deviation with its reason (clinical.record); administrators cannot (R47).
export const POST = sessionCommand("clinical.record", deviationSchema, (u, id, input) => recordSessionDeviation(u, id, input), 201);
