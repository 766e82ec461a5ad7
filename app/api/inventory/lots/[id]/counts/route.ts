import { endpoint } from "@/lib/http/endpoint";
import { recordCount } from "@/lib/inventory/data";
import { physicalCountSchema } from "@/lib/inventory/schema";

/** POST { countedDevices, note? } — a physical count; the expected stock is computed by the server (R44). */
export const POST = endpoint(
  { action: "inventory.manage", record: { type: "InventoryLot" }, body: physicalCountSchema, status: 201 },
  ({ user, params: { id }, input }) => recordCount(user, id, input),
);
