import { about, command } from "@/lib/http/command";
import { patientSite } from "@/lib/patients/data";
import { checkIn } from "@/lib/sessions/commands";
import { checkInSchema } from "@/lib/sessions/schema";

export const POST = command(
  {
    action: "clinical.record",
    body: checkInSchema,
    siteOf: (input) => about("Patient", "Patient", input.patientId, patientSite),
    idempotent: true,
    status: 201,
  },
  ({ user, input }) => checkIn(user, input),
);
