import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { recordReportedToRems } from "@/lib/reports/adverse-events";
import { reportedToRemsSchema } from "@/lib/reports/adverse-events-schema";

/** POST { version, reportedOn, reference } — administrators of the event's site (R41). */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("pmf.submit", "AdverseEvent", id);
  return ok(await recordReportedToRems(user, id, await parseBody(req, reportedToRemsSchema)));
});
