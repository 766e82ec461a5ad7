import { atSite, endpoint } from "@/lib/http/endpoint";
import { receiveLot } from "@/lib/inventory/data";
import { receiveLotSchema } from "@/lib/inventory/schema";

/** POST { siteId, ndc, lotNumber, expiresOn, deviceCount, supplier, receivedById, receivedAt? } — administrators of that site. */
export const POST = endpoint(
  { action: "inventory.manage", body: receiveLotSchema, siteOf: ({ body }) => atSite(body.siteId), status: 201 },
  ({ user, input }) => receiveLot(user, input),
);
