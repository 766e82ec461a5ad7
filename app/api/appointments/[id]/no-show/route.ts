import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { closeAppointment } from "@/lib/scheduling/data";
import { appointmentReasonSchema } from "@/lib/scheduling/schema";

/** POST { reason } — record the appointment as NO_SHOW with its reason (nurses). */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("appointment.book", "Appointment", id);
  const { reason } = await parseBody(req, appointmentReasonSchema);
  return ok(await closeAppointment(user, id, "NO_SHOW", reason));
});
