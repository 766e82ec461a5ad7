import { authorizeRequest } from "@/lib/auth/authorize";
import { notFoundError } from "@/lib/http/errors";
import { ok, parseBody, route } from "@/lib/http/route";
import { markEnteredInError, sessionSite, type EntryKind } from "@/lib/sessions/commands";
import { enteredInErrorSchema } from "@/lib/sessions/schema";

const KINDS: EntryKind[] = ["vital", "device", "sedation", "dissociation"];

export const POST = route<{ params: Promise<{ id: string; kind: string; entryId: string }> }>(async (req, ctx) => {
  const { id, kind, entryId } = await ctx.params;
  await authorizeRequest("clinical.record"); // role first, like every route: an outsider learns nothing from the lookups
  if (!KINDS.includes(kind as EntryKind)) throw notFoundError("Entry type");
  const siteId = await sessionSite(id);
  if (!siteId) throw notFoundError("Session");
  const user = await authorizeRequest("clinical.record", { siteId, entityType: "TreatmentSession", entityId: id });
  const { reason } = await parseBody(req, enteredInErrorSchema);
  return ok(await markEnteredInError(user, id, kind as EntryKind, entryId, reason));
});
