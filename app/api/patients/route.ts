import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, parseBody, route } from "@/lib/http/route";
import { createPatient } from "@/lib/patients/data";
import { newPatientSchema } from "@/lib/patients/schema";

export const POST = route(async (req) => {
  await authorizeRequest("patient.write");
  const input = await parseBody(req, newPatientSchema);
  const user = await authorizeRequest("patient.write", { siteId: input.siteId, entityType: "Site", entityId: input.siteId });
  return ok(await createPatient(user, input), 201);
});
