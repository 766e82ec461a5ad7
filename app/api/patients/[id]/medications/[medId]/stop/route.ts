import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { medicationStopSchema } from "@/lib/patients/medication-schema";
import { stopMedication } from "@/lib/patients/medications";

/** Stops a medicine from a day on; it stays in the list's history. */
export const POST = route<{ params: Promise<{ id: string; medId: string }> }>(async (req, ctx) => {
  const { id, medId } = await ctx.params;
  const user = await authorizeRecord("medication.record", "Patient", id);
  return ok(await stopMedication(user, id, medId, await parseBody(req, medicationStopSchema)));
});
