import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { markPmfSubmitted } from "@/lib/pmf/worklist";
import { submitPmfSchema } from "@/lib/pmf/schema";

/** POST { version, channel, confirmation, submittedAt? } — administrators of the form's site. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("pmf.submit", "PatientMonitoringForm", id);
  return ok(await markPmfSubmitted(user, id, await parseBody(req, submitPmfSchema)));
});
