import { about, endpoint } from "@/lib/http/endpoint";
import { patientSite } from "@/lib/patients/data";
import { bookAppointment } from "@/lib/scheduling/data";
import { bookAppointmentSchema } from "@/lib/scheduling/schema";

/** POST { patientId, chairId, startsAt, monitoringNurseId, acknowledgedWarnings } — book a chair block (nurses). */
export const POST = endpoint(
  {
    action: "appointment.book",
    body: bookAppointmentSchema,
    siteOf: ({ body }) => about("Patient", "Patient", body.patientId, patientSite),
    idempotent: true,
    status: 201,
  },
  ({ user, input }) => bookAppointment(user, input),
);
