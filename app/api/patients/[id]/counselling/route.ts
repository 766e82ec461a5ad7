import { endpoint } from "@/lib/http/endpoint";
import { recordCounselling } from "@/lib/patients/enrollment";
import { counsellingSchema } from "@/lib/patients/enrollment-schema";

/** R7: a counselling visit before the first dose (who, when, which REMS topics). */
export const POST = endpoint(
  { action: "counselling.record", record: { type: "Patient" }, body: counsellingSchema, status: 201 },
  ({ user, params: { id }, input }) => recordCounselling(user, id, input),
);
