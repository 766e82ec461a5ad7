import { ok, parseBody, route } from "@/lib/http/route";
import { returnDevice } from "@/lib/inventory/data";
import { authorizeLot } from "@/lib/inventory/route-helpers";
import { returnDeviceSchema } from "@/lib/inventory/schema";

/** POST { deviceId, returnedTo, reason } — one on-hand device returned (R43). */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeLot(id);
  return ok(await returnDevice(user, id, await parseBody(req, returnDeviceSchema)), 201);
});
