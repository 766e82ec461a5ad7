import { endpoint } from "@/lib/http/endpoint";
import { closeAppointment } from "@/lib/scheduling/data";
import { appointmentReasonSchema } from "@/lib/scheduling/schema";

/** POST { reason } — record the appointment as CANCELLED with its reason (nurses). */
export const POST = endpoint(
  { action: "appointment.book", record: { type: "Appointment" }, body: appointmentReasonSchema },
  ({ user, params: { id }, input: { reason } }) => closeAppointment(user, id, "CANCELLED", reason),
);
