import { authorizeRequest } from "@/lib/auth/authorize";
import { notFoundError } from "@/lib/http/errors";
import { ok, parseBody, route } from "@/lib/http/route";
import { markPmfSubmitted, pmfSite } from "@/lib/pmf/worklist";
import { submitPmfSchema } from "@/lib/pmf/schema";

/** POST { version, channel, confirmation, submittedAt? } — administrators of the form's site. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  await authorizeRequest("pmf.submit");
  const siteId = await pmfSite(id);
  if (!siteId) throw notFoundError("Patient Monitoring Form");
  const user = await authorizeRequest("pmf.submit", { siteId, entityType: "PatientMonitoringForm", entityId: id });
  return ok(await markPmfSubmitted(user, id, await parseBody(req, submitPmfSchema)));
});
