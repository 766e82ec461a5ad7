import { command } from "@/lib/http/command";
import { recordAuthorization } from "@/lib/authorizations/data";
import { priorAuthorizationSchema } from "@/lib/authorizations/schema";

/** POST a payer's prior authorization for the patient (prescribers and administrators). */
export const POST = command(
  { action: "authorization.manage", record: { type: "Patient" }, body: priorAuthorizationSchema, status: 201 },
  ({ user, params: { id }, input }) => recordAuthorization(user, id, input),
);
