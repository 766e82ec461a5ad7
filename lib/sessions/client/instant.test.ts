import { describe, expect, it } from "vitest";
import { vitalsSchema } from "../schema";
import { toInstant } from "./instant";

describe("a backdated time survives the form", () => {
  it("keeps a time the schema already parsed into a Date", () => {
    const parsed = vitalsSchema.parse({ spo2: 97, takenAt: "2026-11-20T09:15:00Z" });
    expect(toInstant(parsed.takenAt)).toBe("2026-11-20T09:15:00.000Z");
  });
  it("keeps a datetime-local text, and leaves an empty one to mean now", () => {
    expect(toInstant("2026-11-20T09:15:00Z")).toBe("2026-11-20T09:15:00.000Z");
    expect(toInstant("")).toBeUndefined();
    expect(toInstant(undefined)).toBeUndefined();
    expect(toInstant("not a time")).toBeUndefined();
  });
});
