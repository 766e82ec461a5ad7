import { authorizeRequest } from "@/lib/auth/authorize";
import { answerOnce } from "@/lib/db/idempotency";
import { notFoundError } from "@/lib/http/errors";
import { ok, parseBody, route } from "@/lib/http/route";
import { patientSite } from "@/lib/patients/data";
import { bookAppointment } from "@/lib/scheduling/data";
import { bookAppointmentSchema } from "@/lib/scheduling/schema";

/** POST { patientId, chairId, startsAt, monitoringNurseId, acknowledgedWarnings } — book a chair block (nurses). */
export const POST = route(async (req) => {
  await authorizeRequest("appointment.book"); // role first, so an outsider learns nothing from validation
  const bodyOf = req.clone();
  const input = await parseBody(req, bookAppointmentSchema);
  const siteId = await patientSite(input.patientId);
  if (!siteId) throw notFoundError("Patient");
  const user = await authorizeRequest("appointment.book", { siteId, entityType: "Patient", entityId: input.patientId });
  return answerOnce(bodyOf, user.id, "/api/appointments", async () => ok(await bookAppointment(user, input), 201));
});
