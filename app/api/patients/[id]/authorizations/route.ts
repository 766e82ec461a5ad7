import { endpoint } from "@/lib/http/endpoint";
import { recordAuthorization } from "@/lib/authorizations/data";
import { priorAuthorizationSchema } from "@/lib/authorizations/schema";

/** POST a payer's prior authorization for the patient (prescribers and administrators). */
export const POST = endpoint(
  { action: "authorization.manage", record: { type: "Patient" }, body: priorAuthorizationSchema, status: 201 },
  ({ user, params: { id }, input }) => recordAuthorization(user, id, input),
);
