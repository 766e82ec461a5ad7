import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { recordEnrollment } from "@/lib/patients/enrollment";
import { enrollmentSchema } from "@/lib/patients/enrollment-schema";

/** R6: the Patient Enrollment Form, first or replacing the current one (a re-enrollment or correction). */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("enrollment.record", "Patient", id);
  return ok(await recordEnrollment(user, id, await parseBody(req, enrollmentSchema)), 201);
});
