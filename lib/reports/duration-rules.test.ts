import { describe, expect, it } from "vitest";
import { distribution, READY_EDGES, talliesBetween, tally, TOTAL_EDGES } from "./duration-rules";

const counts = (d: ReturnType<typeof distribution>) => Object.fromEntries(d.buckets.map((b) => [b.label, b.count]));

describe("monitoring-duration distribution", () => {
  it("puts each bucket's edges where a clinician reads them: 129 in 120–129, 130 in 130–139, 180 in ≥ 180, 119 under 120", () => {
    const d = distribution(tally([119, 120, 129, 130, 179, 180, 245]), TOTAL_EDGES);
    expect(counts(d)).toEqual({ "< 120": 1, "120–129": 2, "130–139": 1, "140–149": 0, "150–159": 0, "160–169": 0, "170–179": 1, "≥ 180": 2 });
    expect(d.buckets.reduce((s, b) => s + b.count, 0)).toBe(7);
    expect([d.min, d.max]).toEqual([119, 245]);
  });

  it("median is the middle value, or the mean of the two middle ones; p90 is the nearest rank", () => {
    expect(distribution(tally([125, 121, 140]), TOTAL_EDGES)).toMatchObject({ n: 3, median: 125, p90: 140 });
    expect(distribution(tally([120, 122, 124, 130]), TOTAL_EDGES)).toMatchObject({ median: 123, p90: 130 });
    const ten = [121, 122, 123, 124, 125, 126, 127, 128, 129, 190];
    expect(distribution(tally(ten), TOTAL_EDGES).p90).toBe(129); // 9 of 10 values are at or below 129
    expect(distribution(tally([...ten, 191]), TOTAL_EDGES).p90).toBe(190);
  });

  it("reads counted values as the same values listed one by one", () => {
    const listed = [150, 121, 121, 121, 135, 135, 200, 128, 128, 128, 128];
    const counted = [
      { value: 128, count: 4 },
      { value: 200, count: 1 },
      { value: 121, count: 3 },
      { value: 135, count: 2 },
      { value: 150, count: 1 },
      { value: 160, count: 0 },
    ];
    expect(distribution(counted, TOTAL_EDGES)).toEqual(distribution(tally(listed), TOTAL_EDGES));
    expect(distribution(counted, TOTAL_EDGES)).toMatchObject({ n: 11, median: 128, p90: 150, min: 121, max: 200 });
  });

  it("an empty range has no median or p90 and zero in every bucket", () => {
    const d = distribution(tally([]), READY_EDGES);
    expect(d).toMatchObject({ n: 0, median: null, p90: null, min: null });
    expect(d.buckets.map((b) => b.label)).toEqual(["< 30", "30–44", "45–59", "60–74", "75–89", "90–104", "105–119", "≥ 120"]);
    expect(d.buckets.every((b) => b.count === 0)).toBe(true);
  });
});

describe("a range's tallies from running counts", () => {
  it("sums each value's count at the range's end less its count before the start, over the sites; a site without rows adds nothing", () => {
    const { total, ready } = talliesBetween([
      { upTo: { t125: 5, t130: 2, r90: 4, r60: 1 }, before: { t125: 3, r90: 4 } },
      { upTo: { t125: 1, t200: 1 }, before: null },
      { upTo: null, before: null },
    ]);
    const byValue = (t: { value: number; count: number }[]) => Object.fromEntries(t.map((x) => [x.value, x.count]));
    // r90 counted 4 before the start and 4 at the end: none in the range
    expect(byValue(total)).toEqual({ 125: 3, 130: 2, 200: 1 });
    expect(byValue(ready)).toEqual({ 60: 1 });
    expect(distribution(total, TOTAL_EDGES)).toMatchObject({ n: 6, min: 125, max: 200, median: 127.5 });
  });
});
