import { authorizeRequest } from "@/lib/auth/authorize";
import { notFoundError } from "@/lib/http/errors";
import { ok, parseBody, route } from "@/lib/http/route";
import { patientSite } from "@/lib/patients/data";
import { removeFlag } from "@/lib/patients/flags";
import { removeFlagSchema } from "@/lib/patients/schema";

/** POST { reason } — prescribers only; the flag stays in the history (R8). */
export const POST = route<{ params: Promise<{ id: string; flagId: string }> }>(async (req, ctx) => {
  const { id, flagId } = await ctx.params;
  await authorizeRequest("flag.manage");
  const siteId = await patientSite(id);
  if (!siteId) throw notFoundError("Patient");
  const user = await authorizeRequest("flag.manage", { siteId, entityType: "Patient", entityId: id });
  const { reason } = await parseBody(req, removeFlagSchema);
  return ok(await removeFlag(user, id, flagId, reason));
});
