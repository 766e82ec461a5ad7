import { authorizeRequest } from "@/lib/auth/authorize";
import { notFoundError } from "@/lib/http/errors";
import { ok, parseBody, route } from "@/lib/http/route";
import { patientSite } from "@/lib/patients/data";
import { addFlag } from "@/lib/patients/flags";
import { addFlagSchema } from "@/lib/patients/schema";

/** POST { kind, note } — prescribers only (R47). */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  await authorizeRequest("flag.manage");
  const siteId = await patientSite(id);
  if (!siteId) throw notFoundError("Patient");
  const user = await authorizeRequest("flag.manage", { siteId, entityType: "Patient", entityId: id });
  return ok(await addFlag(user, id, await parseBody(req, addFlagSchema)), 201);
});
