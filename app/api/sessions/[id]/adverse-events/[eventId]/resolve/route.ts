import { z } from "zod";
import { optionalInstant, text } from "@/lib/http/fields";
import { endpoint } from "@/lib/http/endpoint";
import { resolveAdverseEvent } from "@/lib/sessions/commands";

const schema = z.object({ resolvedAt: optionalInstant({ notFuture: false, earliest: null }), outcome: text().trim().min(3, "Describe the outcome").max(1000) });

export const POST = endpoint({ action: "clinical.record", record: { type: "TreatmentSession" }, body: schema }, ({ user, params: { id, eventId }, input }) =>
  resolveAdverseEvent(user, id, eventId, input.resolvedAt, input.outcome),
);
