import { ok, parseBody, route } from "@/lib/http/route";
import { wasteDevice } from "@/lib/inventory/data";
import { authorizeLot } from "@/lib/inventory/route-helpers";
import { wasteDeviceSchema } from "@/lib/inventory/schema";

/** POST { deviceId, reason, witnessId, witnessPassword } — a witnessed waste of one on-hand device (R43). */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeLot(id);
  return ok(await wasteDevice(user, id, await parseBody(req, wasteDeviceSchema)), 201);
});
