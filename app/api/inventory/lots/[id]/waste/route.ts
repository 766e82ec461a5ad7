import { endpoint } from "@/lib/http/endpoint";
import { wasteDevice } from "@/lib/inventory/data";
import { wasteDeviceSchema } from "@/lib/inventory/schema";

/** POST { deviceId, reason, witnessId, witnessPassword } — a witnessed waste of one on-hand device (R43). */
export const POST = endpoint(
  { action: "inventory.manage", record: { type: "InventoryLot" }, body: wasteDeviceSchema, status: 201 },
  ({ user, params: { id }, input }) => wasteDevice(user, id, input),
);
