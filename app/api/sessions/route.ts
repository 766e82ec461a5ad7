import { recordScope } from "@/lib/auth/authorize-record";
import { endpoint } from "@/lib/http/endpoint";
import { checkIn } from "@/lib/sessions/commands";
import { checkInSchema } from "@/lib/sessions/schema";

export const POST = endpoint(
  {
    action: "clinical.record",
    body: checkInSchema,
    siteOf: ({ body }) => recordScope("Patient", body.patientId),
    idempotent: true,
    status: 201,
  },
  ({ user, input }) => checkIn(user, input),
);
