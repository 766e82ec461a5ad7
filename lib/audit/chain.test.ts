import { describe, expect, it } from "vitest";
import { auditHash, checkChainSegment, GENESIS_HASH, type ChainRow } from "./chain";
import { canonicalJson } from "./canonical";

const content = (n: number) => ({
  at: new Date(Date.UTC(2026, 0, 1, 9, n)),
  actorId: "u1",
  actorEmail: "nurse@example.com",
  actorRole: "NURSE",
  action: "vital.create",
  entityType: "ObservationVital",
  entityId: `v${n}`,
  siteId: "s1",
  patientId: "p1",
  before: null,
  after: { systolic: 120 + n, diastolic: 80 },
  reason: null,
  requestId: null,
});

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const c = content(i);
    const hash = auditHash(prev, c);
    rows.push({ ...c, id: BigInt(i + 1), prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe("audit hash chain", () => {
  it("accepts an untouched chain", () => {
    expect(checkChainSegment(chain(5), GENESIS_HASH).broken).toBeNull();
  });

  it("finds a changed value in a row's content", () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], after: { systolic: 999, diastolic: 80 } };
    expect(checkChainSegment(rows, GENESIS_HASH).broken).toEqual({ id: 3n, problem: "hash_mismatch" });
  });

  it("finds a deleted row in the middle", () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(checkChainSegment(rows, GENESIS_HASH).broken).toEqual({ id: 3n, problem: "prev_hash_mismatch" });
  });

  it("finds a row whose hash was recomputed after tampering, at the next row", () => {
    const rows = chain(4);
    const forged = { ...rows[1], actorEmail: "someone@else" };
    rows[1] = { ...forged, hash: auditHash(forged.prevHash, forged) };
    expect(checkChainSegment(rows, GENESIS_HASH).broken).toEqual({ id: 3n, problem: "prev_hash_mismatch" });
  });

  it("hashes the same content the same way whatever the key order (jsonb reorders keys)", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    const c = content(1);
    expect(auditHash(GENESIS_HASH, { ...c, after: { diastolic: 80, systolic: 121 } })).toBe(auditHash(GENESIS_HASH, c));
  });
});
