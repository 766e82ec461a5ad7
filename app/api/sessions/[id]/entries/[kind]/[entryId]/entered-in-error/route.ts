import { notFoundError } from "@/lib/http/errors";
import { endpoint } from "@/lib/http/endpoint";
import { markEnteredInError, type EntryKind } from "@/lib/sessions/commands";
import { enteredInErrorSchema } from "@/lib/sessions/schema";

const KINDS: EntryKind[] = ["vital", "device", "sedation", "dissociation"];

export const POST = endpoint(
  { action: "clinical.record", record: { type: "TreatmentSession" }, body: enteredInErrorSchema },
  ({ user, params: { id, kind, entryId }, input: { reason } }) => {
    if (!KINDS.includes(kind as EntryKind)) throw notFoundError("Entry type");
    return markEnteredInError(user, id, kind as EntryKind, entryId, reason);
  },
);
