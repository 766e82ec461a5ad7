import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, parseBody, route } from "@/lib/http/route";
import { receiveLot } from "@/lib/inventory/data";
import { receiveLotSchema } from "@/lib/inventory/schema";

/** POST { siteId, ndc, lotNumber, expiresOn, deviceCount, supplier, receivedById, receivedAt? } — administrators of that site. */
export const POST = route(async (req) => {
  await authorizeRequest("inventory.manage");
  const input = await parseBody(req, receiveLotSchema);
  const user = await authorizeRequest("inventory.manage", { siteId: input.siteId, entityType: "Site", entityId: input.siteId });
  return ok(await receiveLot(user, input), 201);
});
