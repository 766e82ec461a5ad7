// Errors that carry their HTTP meaning; route handlers map them to status codes (lib/http/route.ts).
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const unauthenticated = () => new HttpError(401, "UNAUTHENTICATED", "Please sign in again.");
export const forbiddenError = () => new HttpError(403, "FORBIDDEN", "Your role is not allowed to do this.");
export const notFoundError = (what = "Record") => new HttpError(404, "NOT_FOUND", `${what} not found.`);
export const conflictError = (what = "record") =>
  new HttpError(409, "VERSION_CONFLICT", `Someone else changed this ${what} since you opened it. Reload to see their change, then try again.`);
export const invalidInput = (fieldErrors: Record<string, string[]>, message = "Please correct the highlighted fields.") =>
  new HttpError(422, "INVALID_INPUT", message, fieldErrors);

/** A clinical rule refused the step: 422 with every unmet finding, so the screen can list them. */
export const ruleUnmet = (unmet: { code: string; message: string; field?: string }[]) => {
  const fieldErrors: Record<string, string[]> = {};
  for (const u of unmet) if (u.field) (fieldErrors[u.field] ??= []).push(u.message);
  return new HttpError(422, "RULE_UNMET", unmet.map((u) => u.message).join(" "), fieldErrors, { unmet });
};

/** SOFT warnings must be acknowledged by the person who proceeds: 422 listing those not yet acknowledged. */
export const warningsNotAcknowledged = (warnings: { code: string; message: string }[]) =>
  new HttpError(
    422,
    "WARNINGS_NOT_ACKNOWLEDGED",
    `Read and acknowledge before proceeding: ${warnings.map((w) => w.message).join(" ")}`,
    { acknowledgedWarnings: ["Tick that you have read the warnings"] },
    { unmet: warnings },
  );
