import { invalidInput } from "@/lib/http/errors";
import { ok, readJsonBody, route } from "@/lib/http/route";
import { alreadySetUp, firstRun, needsFirstRun } from "@/lib/setup/first-run";
import { firstRunSchema } from "@/lib/setup/schema";

/**
 * First run, without sign-in: only while the database has no user (then 409 for ever).
 * Field errors are keyed by their full path ("admin.email", "site.chairs.1.label"), as the form names them.
 */
export const POST = route(async (req) => {
  if (!(await needsFirstRun())) throw alreadySetUp();
  const body = await readJsonBody(req);
  const r = firstRunSchema.safeParse(body);
  if (!r.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of r.error.issues) (fieldErrors[i.path.join(".") || "body"] ??= []).push(i.message);
    throw invalidInput(fieldErrors);
  }
  return ok(await firstRun(r.data), 201);
});
