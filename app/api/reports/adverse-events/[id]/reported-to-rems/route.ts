import { authorizeRequest } from "@/lib/auth/authorize";
import { notFoundError } from "@/lib/http/errors";
import { ok, parseBody, route } from "@/lib/http/route";
import { aeSite, recordReportedToRems } from "@/lib/reports/adverse-events";
import { reportedToRemsSchema } from "@/lib/reports/adverse-events-schema";

/** POST { version, reportedOn, reference } — administrators of the event's site (R41). */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  await authorizeRequest("pmf.submit");
  const siteId = await aeSite(id);
  if (!siteId) throw notFoundError("Adverse event");
  const user = await authorizeRequest("pmf.submit", { siteId, entityType: "AdverseEvent", entityId: id });
  return ok(await recordReportedToRems(user, id, await parseBody(req, reportedToRemsSchema)));
});
