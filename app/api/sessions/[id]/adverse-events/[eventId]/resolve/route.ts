import { z } from "zod";
import { optionalInstant, text } from "@/lib/http/fields";
import { authorizeRequest } from "@/lib/auth/authorize";
import { notFoundError } from "@/lib/http/errors";
import { ok, parseBody, route } from "@/lib/http/route";
import { resolveAdverseEvent, sessionSite } from "@/lib/sessions/commands";

const schema = z.object({ resolvedAt: optionalInstant({ notFuture: false, earliest: null }), outcome: text().trim().min(3, "Describe the outcome").max(1000) });

export const POST = route<{ params: Promise<{ id: string; eventId: string }> }>(async (req, ctx) => {
  const { id, eventId } = await ctx.params;
  const siteId = await sessionSite(id);
  if (!siteId) throw notFoundError("Session");
  const user = await authorizeRequest("clinical.record", { siteId, entityType: "TreatmentSession", entityId: id });
  const input = await parseBody(req, schema);
  return ok(await resolveAdverseEvent(user, id, eventId, input.resolvedAt, input.outcome));
});
