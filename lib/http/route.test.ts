import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseBody, readJsonBody } from "./route";
import { refusal } from "./testing/refusal";

const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://app.test/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
/** A body sent in chunks with no Content-Length, as a client that lies about nothing and says nothing. */
const streamed = (chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const s of chunks) c.enqueue(new TextEncoder().encode(s));
      c.close();
    },
  });
describe("reading a command's JSON body", () => {
  it("refuses more than 64 KB with 413, also when no Content-Length announced it", async () => {
    expect((await refusal(readJsonBody(post(JSON.stringify({ a: "x".repeat(70 * 1024) }))))).status).toBe(413);
    const chunked = post(streamed([`{"a":"`, "x".repeat(40 * 1024), "y".repeat(40 * 1024), `"}`]));
    expect(chunked.headers.get("content-length")).toBeNull();
    expect((await refusal(readJsonBody(chunked))).status).toBe(413);
    expect(await readJsonBody(post(JSON.stringify({ a: "x".repeat(60 * 1024) })))).toMatchObject({ a: expect.any(String) });
  });

  it("names every field holding NUL or a bidirectional control, nested ones by their path", async () => {
    const e = await refusal(readJsonBody(post(JSON.stringify({ firstName: "Ann\u0000", chairs: [{ label: "ok" }, { label: "\u202Eevil" }] }))));
    expect(e.status).toBe(422);
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["firstName", "chairs.1.label"]);
  });

  it("refuses malformed JSON and a body that is not an object, naming the body", async () => {
    expect((await refusal(readJsonBody(post("{not json")))).status).toBe(422);
    const e = await refusal(parseBody(post("[1,2]"), z.object({ a: z.string() })));
    expect(e.status).toBe(422);
    expect(e.fieldErrors?.body).toBeDefined();
  });
});
