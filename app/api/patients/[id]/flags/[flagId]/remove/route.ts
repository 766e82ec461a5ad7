import { endpoint } from "@/lib/http/endpoint";
import { removeFlag } from "@/lib/patients/flags";
import { removeFlagSchema } from "@/lib/patients/schema";

/** POST { reason } — prescribers only; the flag stays in the history (R8). */
export const POST = endpoint(
  { action: "flag.manage", record: { type: "Patient" }, body: removeFlagSchema },
  ({ user, params: { id, flagId }, input: { reason } }) => removeFlag(user, id, flagId, reason),
);
