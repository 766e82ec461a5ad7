import { HttpError } from "../errors";

/** For data tests: the HttpError a command refused with; anything else (success or a crash) fails the test. */
export async function refusal(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HttpError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}
