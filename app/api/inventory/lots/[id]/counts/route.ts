import { ok, parseBody, route } from "@/lib/http/route";
import { recordCount } from "@/lib/inventory/data";
import { authorizeLot } from "@/lib/inventory/route-helpers";
import { physicalCountSchema } from "@/lib/inventory/schema";

/** POST { countedDevices, note? } — a physical count; the expected stock is computed by the server (R44). */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeLot(id);
  return ok(await recordCount(user, id, await parseBody(req, physicalCountSchema)), 201);
});
