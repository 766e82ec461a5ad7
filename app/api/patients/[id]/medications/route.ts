import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { medicationSchema } from "@/lib/patients/medication-schema";
import { addMedication } from "@/lib/patients/medications";

/** Adds a medicine to the patient's list (read by the pre-dose checklist, the PMF, R10 and the cautions). */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("medication.record", "Patient", id);
  return ok(await addMedication(user, id, await parseBody(req, medicationSchema)), 201);
});
