import { describe, expect, it } from "vitest";
import { atTime, serverNow } from "./clock";

describe("serverNow", () => {
  it("is real time outside atTime and the given moment inside it, across awaits", async () => {
    const past = new Date("2026-03-08T09:00:00Z");
    const inside = await atTime(past, async () => {
      await new Promise((r) => setTimeout(r, 5));
      return serverNow();
    });
    expect(inside.toISOString()).toBe(past.toISOString());
    expect(Math.abs(serverNow().getTime() - Date.now())).toBeLessThan(1000);
  });
});
