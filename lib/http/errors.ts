// Errors that carry their HTTP meaning; route handlers map them to status codes (lib/http/route.ts).
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
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
