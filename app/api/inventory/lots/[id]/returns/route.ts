import { endpoint } from "@/lib/http/endpoint";
import { returnDevice } from "@/lib/inventory/data";
import { returnDeviceSchema } from "@/lib/inventory/schema";

/** POST { deviceId, returnedTo, reason } — one on-hand device returned (R43). */
export const POST = endpoint(
  { action: "inventory.manage", record: { type: "InventoryLot" }, body: returnDeviceSchema, status: 201 },
  ({ user, params: { id }, input }) => returnDevice(user, id, input),
);
