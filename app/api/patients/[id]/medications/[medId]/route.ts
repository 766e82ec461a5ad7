import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { medicationEditSchema } from "@/lib/patients/medication-schema";
import { editMedication } from "@/lib/patients/medications";

/** Corrects one medicine of the list; a stale version is a 409. */
export const PATCH = route<{ params: Promise<{ id: string; medId: string }> }>(async (req, ctx) => {
  const { id, medId } = await ctx.params;
  const user = await authorizeRecord("medication.record", "Patient", id);
  return ok(await editMedication(user, id, medId, await parseBody(req, medicationEditSchema)));
});
