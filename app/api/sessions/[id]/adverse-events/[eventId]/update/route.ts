import { command } from "@/lib/http/command";
import { updateAdverseEvent } from "@/lib/sessions/commands";
import { adverseEventUpdateSchema } from "@/lib/sessions/schema";

export const POST = command(
  { action: "clinical.record", record: { type: "TreatmentSession" }, body: adverseEventUpdateSchema },
  ({ user, params: { id, eventId }, input }) => updateAdverseEvent(user, id, eventId, input),
);
