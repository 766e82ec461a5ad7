import { authorizeRequest } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { answerOnce } from "@/lib/db/idempotency";
import { notFoundError } from "@/lib/http/errors";
import { ok, parseBody, route } from "@/lib/http/route";
import { checkIn } from "@/lib/sessions/commands";
import { checkInSchema } from "@/lib/sessions/schema";

export const POST = route(async (req) => {
  await authorizeRequest("clinical.record"); // role first, so an outsider learns nothing from validation
  const bodyOf = req.clone();
  const input = await parseBody(req, checkInSchema);
  const patient = await db().patient.findUnique({ where: { id: input.patientId }, select: { siteId: true } });
  if (!patient) throw notFoundError("Patient");
  const user = await authorizeRequest("clinical.record", { siteId: patient.siteId, entityType: "Patient", entityId: input.patientId });
  return answerOnce(bodyOf, user.id, "/api/sessions", async () => ok(await checkIn(user, input), 201));
});
