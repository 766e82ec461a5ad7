import { command } from "@/lib/http/command";
import { closeAppointment } from "@/lib/scheduling/data";
import { appointmentReasonSchema } from "@/lib/scheduling/schema";

/** POST { reason } — record the appointment as NO_SHOW with its reason (nurses). */
export const POST = command(
  { action: "appointment.book", record: { type: "Appointment" }, body: appointmentReasonSchema },
  ({ user, params: { id }, input: { reason } }) => closeAppointment(user, id, "NO_SHOW", reason),
);
