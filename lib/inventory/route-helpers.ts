import "server-only";
import { authorizeRequest } from "@/lib/auth/authorize";
import { notFoundError } from "@/lib/http/errors";
import { lotSite } from "./data";

/** Administrators of the lot's site only; another site's lot (or none) is a 404. The role is checked first (403). */
export async function authorizeLot(lotId: string) {
  await authorizeRequest("inventory.manage");
  const siteId = await lotSite(lotId);
  if (!siteId) throw notFoundError("Lot");
  return authorizeRequest("inventory.manage", { siteId, entityType: "InventoryLot", entityId: lotId });
}
