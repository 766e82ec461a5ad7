import { about, command } from "@/lib/http/command";
import { patientSite } from "@/lib/patients/data";
import { bookAppointment } from "@/lib/scheduling/data";
import { bookAppointmentSchema } from "@/lib/scheduling/schema";

/** POST { patientId, chairId, startsAt, monitoringNurseId, acknowledgedWarnings } — book a chair block (nurses). */
export const POST = command(
  {
    action: "appointment.book",
    body: bookAppointmentSchema,
    siteOf: (input) => about("Patient", "Patient", input.patientId, patientSite),
    idempotent: true,
    status: 201,
  },
  ({ user, input }) => bookAppointment(user, input),
);
