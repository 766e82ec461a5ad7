import { command } from "@/lib/http/command";
import { addTrial } from "@/lib/outcomes/trials";
import { trialSchema } from "@/lib/outcomes/schema";

/** POST a trial of the current episode — prescribers of the patient's site. */
export const POST = command({ action: "trd.manage", record: { type: "Patient" }, body: trialSchema, status: 201 }, ({ user, params: { id }, input }) =>
  addTrial(user, id, input),
);
