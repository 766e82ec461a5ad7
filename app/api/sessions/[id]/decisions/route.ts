import { decideGate } from "@/lib/sessions/commands";
import { sessionCommand } from "@/lib/sessions/route-helpers";
import { gateDecisionSchema } from "@/lib/sessions/schema";

// Only prescribers decide GATEs (R47): a nurse gets 403 from the permission table.
export const POST = sessionCommand("gate.decide", gateDecisionSchema, decideGate, 201);
