import { about, endpoint } from "@/lib/http/endpoint";
import { patientSite } from "@/lib/patients/data";
import { checkIn } from "@/lib/sessions/commands";
import { checkInSchema } from "@/lib/sessions/schema";

export const POST = endpoint(
  {
    action: "clinical.record",
    body: checkInSchema,
    siteOf: ({ body }) => about("Patient", "Patient", body.patientId, patientSite),
    idempotent: true,
    status: 201,
  },
  ({ user, input }) => checkIn(user, input),
);
