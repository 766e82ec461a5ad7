import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { recordCounselling } from "@/lib/patients/enrollment";
import { counsellingSchema } from "@/lib/patients/enrollment-schema";

/** R7: a counselling visit before the first dose (who, when, which REMS topics). */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("counselling.record", "Patient", id);
  return ok(await recordCounselling(user, id, await parseBody(req, counsellingSchema)), 201);
});
