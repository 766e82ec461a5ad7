import { endpoint } from "@/lib/http/endpoint";
import { recordOutcome } from "@/lib/outcomes/data";
import { outcomeSchema } from "@/lib/outcomes/schema";

/** POST { instrument, items[], takenAt?, sessionId? } — nurses and psychiatrists of the patient's site. */
export const POST = endpoint({ action: "clinical.record", record: { type: "Patient" }, body: outcomeSchema, status: 201 }, ({ user, params: { id }, input }) =>
  recordOutcome(user, id, input),
);
