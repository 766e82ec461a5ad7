import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { hepaticImpairmentSchema } from "@/lib/patients/medication-schema";
import { setHepaticImpairment } from "@/lib/patients/hepatic";

/** R48: the prescriber records the patient's hepatic impairment. */
export const PUT = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("hepatic.record", "Patient", id);
  return ok(await setHepaticImpairment(user, id, await parseBody(req, hepaticImpairmentSchema)));
});
