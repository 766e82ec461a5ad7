import { authorizeRequest } from "@/lib/auth/authorize";
import { notFoundError } from "@/lib/http/errors";
import { ok, parseBody, route } from "@/lib/http/route";
import { sessionSite, updateAdverseEvent } from "@/lib/sessions/commands";
import { adverseEventUpdateSchema } from "@/lib/sessions/schema";

export const POST = route<{ params: Promise<{ id: string; eventId: string }> }>(async (req, ctx) => {
  const { id, eventId } = await ctx.params;
  const siteId = await sessionSite(id);
  if (!siteId) throw notFoundError("Session");
  const user = await authorizeRequest("clinical.record", { siteId, entityType: "TreatmentSession", entityId: id });
  return ok(await updateAdverseEvent(user, id, eventId, await parseBody(req, adverseEventUpdateSchema)));
});
