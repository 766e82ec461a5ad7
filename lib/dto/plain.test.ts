import { describe, expect, it } from "vitest";
import { plain } from "./plain";

describe("plain: the DTO a client component receives", () => {
  it("turns Dates into ISO strings at any depth, keeps nulls, drops undefined fields", () => {
    const at = new Date("2026-12-05T09:30:00.123Z");
    const dto = plain({ at, nested: { list: [{ at, n: 1 }], none: null, gone: undefined }, tags: ["a"] });
    expect(dto).toEqual({ at: "2026-12-05T09:30:00.123Z", nested: { list: [{ at: "2026-12-05T09:30:00.123Z", n: 1 }], none: null }, tags: ["a"] });
    expect("gone" in dto.nested).toBe(false);
  });

  it("is what a JSON round trip gives for the values views hold, without the round trip", () => {
    const view = { id: "s1", checkedInAt: new Date(0), devices: [{ sequence: 1, administeredAt: new Date(60_000), enteredInErrorAt: null }], flag: true };
    expect(plain(view)).toEqual(JSON.parse(JSON.stringify(view)));
  });

  it("uses a class instance's own toJSON (a Prisma Decimal) and copies, never shares, the input", () => {
    const amount = Object.create({ toJSON: () => "12.50" }) as object;
    const input = { amount, list: [1] };
    const dto = plain(input) as unknown as { amount: unknown; list: number[] };
    expect(dto.amount).toBe("12.50");
    expect(dto.list).not.toBe(input.list);
  });
});
