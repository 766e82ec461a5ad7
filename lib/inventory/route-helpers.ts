import "server-only";
import { authorizeRecord } from "@/lib/auth/authorize-record";

/** Administrators of the lot's site only; another site's lot (or none) is a 404. The role is checked first (403). */
export const authorizeLot = (lotId: string) => authorizeRecord("inventory.manage", "InventoryLot", lotId);
