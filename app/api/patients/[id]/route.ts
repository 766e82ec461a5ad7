import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { updatePatient } from "@/lib/patients/data";
import { editPatientSchema } from "@/lib/patients/schema";

/** Edits a registered patient's demographics (whoever may register patients, at the patient's site); 409 on a stale version. */
export const PATCH = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("patient.write", "Patient", id);
  return ok(await updatePatient(user, id, await parseBody(req, editPatientSchema)));
});
