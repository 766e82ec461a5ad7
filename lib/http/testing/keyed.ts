import { answerOnce } from "@/lib/db/idempotency";
import { ok } from "@/lib/http/route";

/** For data tests: what a keyed route does — the same wrapper, the body as read off the wire, the real command. */
export async function keyed(
  userId: string,
  path: string,
  template: string,
  body: unknown,
  key: string | null,
  run: (input: never) => Promise<unknown>,
  status = 201,
) {
  const sent = JSON.parse(JSON.stringify(body)) as unknown; // as the route reads it off the wire
  const res = await answerOnce({ key, userId, method: "POST", routeTemplate: template, path, body: sent }, async () => ok(await run(sent as never), status));
  return { status: res.status, body: (await res.json()) as { ok: true; data: { result: Record<string, unknown> & { id: string } } } };
}
