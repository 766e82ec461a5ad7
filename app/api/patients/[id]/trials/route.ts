import { endpoint } from "@/lib/http/endpoint";
import { addTrial } from "@/lib/outcomes/trials";
import { trialSchema } from "@/lib/outcomes/schema";

/** POST a trial of the current episode — prescribers of the patient's site. */
export const POST = endpoint({ action: "trd.manage", record: { type: "Patient" }, body: trialSchema, status: 201 }, ({ user, params: { id }, input }) =>
  addTrial(user, id, input),
);
