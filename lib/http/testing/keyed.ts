import { answerOnce } from "@/lib/db/idempotency";
import { ok } from "@/lib/http/route";

/** For data tests: what a keyed route does — the same wrapper, a real request with its body and header, the real command. */
export async function keyed(
  userId: string,
  path: string,
  template: string,
  body: unknown,
  key: string | null,
  run: (input: never) => Promise<unknown>,
  status = 201,
) {
  const req = new Request(`http://clinic.test${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
    body: JSON.stringify(body),
  });
  const res = await answerOnce(req.clone(), userId, template, async () => ok(await run((await req.json()) as never), status));
  return { status: res.status, body: (await res.json()) as { ok: true; data: { result: Record<string, unknown> & { id: string } } } };
}
