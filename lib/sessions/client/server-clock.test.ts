import { describe, expect, it } from "vitest";
import { clockOffset, minutesSince, serverNow } from "./server-clock";

describe("timers on server time", () => {
  it("corrects a tablet clock that is 7 minutes fast", () => {
    const tabletAtReceipt = Date.parse("2026-11-23T14:07:00Z");
    const offset = clockOffset("2026-11-23T14:00:00Z", tabletAtReceipt);
    expect(serverNow(offset, tabletAtReceipt + 60_000).toISOString()).toBe("2026-11-23T14:01:00.000Z");
  });
  it("shows whole minutes since T0, rounded down", () => {
    expect(minutesSince("2026-11-23T14:00:00Z", new Date("2026-11-23T14:35:59Z"))).toBe(35);
    expect(minutesSince("2026-11-23T14:00:00Z", new Date("2026-11-23T13:59:00Z"))).toBe(0);
  });
});
