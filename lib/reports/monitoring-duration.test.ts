import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { siteDay } from "@/lib/time/days";
import { dischargedSession } from "./testing/discharged-session";
import { monitoringDurations } from "./monitoring-duration";

describe("monitoring-duration report from discharged sessions", () => {
  it("counts each session's whole minutes from the first device and its ready-to-leave answer", async () => {
    const a = await dischargedSession({ t0MinutesAgo: 125, readyToLeaveMinutes: 70 });
    const b = await dischargedSession({ t0MinutesAgo: 142, readyToLeaveMinutes: 95 });
    // from the day the sessions began (yesterday, just after the site's midnight) to today
    const [from, day] = [siteDay(new Date(Date.now() - 4 * 3_600_000), "America/New_York"), siteDay(new Date(), "America/New_York")];
    const d = await monitoringDurations([a.site.id, b.site.id], from, day);
    expect(d.total.n).toBe(2);
    expect(Object.fromEntries(d.total.buckets.filter((x) => x.count).map((x) => [x.label, x.count]))).toEqual({ "120–129": 1, "140–149": 1 });
    expect([a.totalMinutes, b.totalMinutes]).toEqual([125, 142]);
    expect(d.total.median).toBe(133.5);
    expect(Object.fromEntries(d.ready.buckets.filter((x) => x.count).map((x) => [x.label, x.count]))).toEqual({ "60–74": 1, "90–104": 1 });
    // Another site's sessions and other dates stay out.
    expect((await monitoringDurations([a.site.id], from, day)).total.n).toBe(1);
    expect((await monitoringDurations([a.site.id], "2020-01-01", "2020-01-31")).total.n).toBe(0);
    expect(await db().treatmentSession.count({ where: { siteId: a.site.id, status: "DISCHARGED" } })).toBe(1);
  });
});
