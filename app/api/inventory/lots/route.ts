import { atSite, command } from "@/lib/http/command";
import { receiveLot } from "@/lib/inventory/data";
import { receiveLotSchema } from "@/lib/inventory/schema";

/** POST { siteId, ndc, lotNumber, expiresOn, deviceCount, supplier, receivedById, receivedAt? } — administrators of that site. */
export const POST = command({ action: "inventory.manage", body: receiveLotSchema, siteOf: (input) => atSite(input.siteId), status: 201 }, ({ user, input }) =>
  receiveLot(user, input),
);
