import { authorizeRequest } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { idempotencyKeyOf } from "@/lib/db/idempotency";
import { notFoundError } from "@/lib/http/errors";
import { ok, parseBody, route } from "@/lib/http/route";
import { checkIn } from "@/lib/sessions/commands";
import { checkInSchema } from "@/lib/sessions/schema";

export const POST = route(async (req) => {
  await authorizeRequest("clinical.record"); // role first, so an outsider learns nothing from validation
  const input = await parseBody(req, checkInSchema);
  const patient = await db().patient.findUnique({ where: { id: input.patientId }, select: { siteId: true } });
  if (!patient) throw notFoundError("Patient");
  const user = await authorizeRequest("clinical.record", { siteId: patient.siteId, entityType: "Patient", entityId: input.patientId });
  // Same shape as every other session create: { result, replayed }.
  const outcome = await checkIn(user, input, idempotencyKeyOf(req));
  return ok(outcome, outcome.replayed ? 200 : 201);
});
