import { describe, expect, it } from "vitest";
import { anchorFile, anchorKeys, anchorSignatureValid, describeGap, firstAnchorGap, parseAnchorFile, signAnchor, type AnchorFacts } from "./anchor";

const facts = (id: number, auditId: number, hash: string): AnchorFacts => ({
  id: BigInt(id),
  chainKey: "global",
  auditId: BigInt(auditId),
  hash,
  at: new Date("2026-12-04T20:00:00.000Z"),
  anchoredAt: new Date("2026-12-04T21:00:00.000Z"),
  reason: "schedule",
  actorId: null,
});
const h = (c: string) => c.repeat(64);
const keys = anchorKeys({ AUDIT_ANCHOR_KEY: "k".repeat(40) });

describe("audit anchors (pure)", () => {
  it("a signed anchor verifies; changing any fact, or another key, does not", () => {
    const a = signAnchor(facts(1, 10, h("a")), keys[0]);
    expect(anchorSignatureValid(a, keys)).toBe(true);
    expect(anchorSignatureValid({ ...a, auditId: 9n }, keys)).toBe(false);
    expect(anchorSignatureValid({ ...a, hash: h("b") }, keys)).toBe(false);
    expect(anchorSignatureValid({ ...a, id: 2n }, keys)).toBe(false);
    expect(anchorSignatureValid(a, anchorKeys({ AUDIT_ANCHOR_KEY: "another key" }))).toBe(false);
    expect(anchorSignatureValid({ ...a, signature: "not hex" }, keys)).toBe(false);
  });

  it("keys: AUDIT_ANCHOR_KEY, else derived from NEXTAUTH_SECRET, never the bare secret; previous keys still verify; production needs one", () => {
    const derived = anchorKeys({ NEXTAUTH_SECRET: "s".repeat(40) })[0];
    expect(derived.secret.equals(Buffer.from("s".repeat(40)))).toBe(false);
    const old = signAnchor(facts(1, 10, h("a")), derived);
    expect(anchorSignatureValid(old, anchorKeys({ AUDIT_ANCHOR_KEY: "new key", NEXTAUTH_SECRET: "s".repeat(40) }))).toBe(false);
    const withPrevious = anchorKeys({ AUDIT_ANCHOR_KEY: "new key", AUDIT_ANCHOR_PREVIOUS_KEYS: "older key" });
    expect(anchorSignatureValid(signAnchor(facts(1, 10, h("a")), anchorKeys({ AUDIT_ANCHOR_KEY: "older key" })[0]), withPrevious)).toBe(true);
    expect(() => anchorKeys({ NODE_ENV: "production" })).toThrow(/AUDIT_ANCHOR_KEY/);
  });

  it("the downloaded file reads back to the same signed anchor", () => {
    const a = signAnchor(facts(3, 30, h("c")), keys[0]);
    const back = parseAnchorFile(JSON.parse(JSON.stringify(anchorFile(a))));
    expect(back).toEqual(a);
    expect(anchorSignatureValid(back!, keys)).toBe(true);
    expect(parseAnchorFile({ type: "something else" })).toBeNull();
  });

  it("finds the first anchor whose row is gone or has another hash, and names the gap", () => {
    const anchors = [signAnchor(facts(1, 10, h("a")), keys[0]), signAnchor(facts(2, 20, h("b")), keys[0]), signAnchor(facts(3, 30, h("c")), keys[0])];
    const table = new Map<bigint, string>([
      [10n, h("a")],
      [20n, h("b")],
      [30n, h("c")],
    ]);
    expect(firstAnchorGap(anchors, (id) => table.get(id))).toBeNull();

    table.delete(30n);
    const gap = firstAnchorGap(anchors, (id) => table.get(id))!;
    expect(gap).toMatchObject({ problem: "rows_missing", anchorId: 3n, auditId: 30n, hash: h("c"), lastGoodAnchorId: 2n });
    expect(describeGap({ ...gap, lastRowBefore: 24n })).toBe(
      "Rows after row #24 up to hash cccccccccccccccc… (row #30, anchor 3 of 2026-12-04T21:00:00.000Z) are missing (anchor 2 still matches).",
    );

    expect(describeGap({ ...gap, lastRowBefore: null, lastGoodAnchorId: null })).toMatch(
      /^Rows from the start of the trail up to hash cccccccccccccccc… \(row #30, anchor 3 of .*\) are missing\.$/,
    );

    table.set(20n, h("x"));
    const replaced = firstAnchorGap(anchors, (id) => table.get(id))!;
    expect(replaced).toMatchObject({ problem: "hash_mismatch", anchorId: 2n, lastGoodAnchorId: 1n });
    expect(describeGap({ ...replaced, lastRowBefore: 19n })).toMatch(/^Row #20 no longer has the hash bbbbbbbbbbbbbbbb… that anchor 2 .* recorded/);
  });
});
