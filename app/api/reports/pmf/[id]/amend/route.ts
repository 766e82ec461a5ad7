import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { amendPmf } from "@/lib/pmf/amend";
import { amendPmfSchema } from "@/lib/pmf/schema";

/** POST { version, reason } — administrators of the form's site; 201 with the amendment's id. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("pmf.submit", "PatientMonitoringForm", id);
  return ok(await amendPmf(user, id, await parseBody(req, amendPmfSchema)), 201);
});
