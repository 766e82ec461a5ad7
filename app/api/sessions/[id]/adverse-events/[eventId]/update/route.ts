import { endpoint } from "@/lib/http/endpoint";
import { updateAdverseEvent } from "@/lib/sessions/commands";
import { adverseEventUpdateSchema } from "@/lib/sessions/schema";

export const POST = endpoint(
  { action: "clinical.record", record: { type: "TreatmentSession" }, body: adverseEventUpdateSchema },
  ({ user, params: { id, eventId }, input }) => updateAdverseEvent(user, id, eventId, input),
);
