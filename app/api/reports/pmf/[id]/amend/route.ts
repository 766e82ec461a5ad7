import { authorizeRequest } from "@/lib/auth/authorize";
import { notFoundError } from "@/lib/http/errors";
import { ok, parseBody, route } from "@/lib/http/route";
import { amendPmf } from "@/lib/pmf/amend";
import { pmfSite } from "@/lib/pmf/worklist";
import { amendPmfSchema } from "@/lib/pmf/schema";

/** POST { version, reason } — administrators of the form's site; 201 with the amendment's id. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  await authorizeRequest("pmf.submit");
  const siteId = await pmfSite(id);
  if (!siteId) throw notFoundError("Patient Monitoring Form");
  const user = await authorizeRequest("pmf.submit", { siteId, entityType: "PatientMonitoringForm", entityId: id });
  return ok(await amendPmf(user, id, await parseBody(req, amendPmfSchema)), 201);
});
