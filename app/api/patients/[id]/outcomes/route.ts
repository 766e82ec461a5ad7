import { authorizeRequest } from "@/lib/auth/authorize";
import { notFoundError } from "@/lib/http/errors";
import { ok, parseBody, route } from "@/lib/http/route";
import { recordOutcome } from "@/lib/outcomes/data";
import { outcomeSchema } from "@/lib/outcomes/schema";
import { patientSite } from "@/lib/patients/data";

/** POST { instrument, items[], takenAt?, sessionId? } — nurses and psychiatrists of the patient's site. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  await authorizeRequest("clinical.record");
  const siteId = await patientSite(id);
  if (!siteId) throw notFoundError("Patient");
  const user = await authorizeRequest("clinical.record", { siteId, entityType: "Patient", entityId: id });
  return ok(await recordOutcome(user, id, await parseBody(req, outcomeSchema)), 201);
});
