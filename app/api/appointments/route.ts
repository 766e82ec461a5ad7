import { recordScope } from "@/lib/auth/authorize-record";
import { endpoint } from "@/lib/http/endpoint";
import { bookAppointment } from "@/lib/scheduling/data";
import { bookAppointmentSchema } from "@/lib/scheduling/schema";

/** POST { patientId, chairId, startsAt, monitoringNurseId, acknowledgedWarnings } — book a chair block (nurses). */
export const POST = endpoint(
  {
    action: "appointment.book",
    body: bookAppointmentSchema,
    siteOf: ({ body }) => recordScope("Patient", body.patientId),
    idempotent: true,
    status: 201,
  },
  ({ user, input }) => bookAppointment(user, input),
);
