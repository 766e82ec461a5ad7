// Monitoring-duration report (REMS.md §6; R33 total minutes from the first device to the end of
// monitoring, R34 the HCP's "ready to leave" answer): counts per bucket and the median and 90th percentile.

export type Bucket = { label: string; from: number | null; to: number | null; count: number };
export type Distribution = { n: number; buckets: Bucket[]; median: number | null; p90: number | null; min: number | null; max: number | null };

/** How many sessions had each value (whole minutes): what the database counts, so a report reads one row per value. */
export type Tally = { value: number; count: number }[];

export const tally = (values: number[]): Tally => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count }));
};

/** Running counts per value at one date: keys "t<total minutes>" and "r<ready-to-leave minutes>" (MonitoringDurationRunningTally). */
export type RunningCounts = Record<string, number>;

/**
 * The tallies of a range from each site's running counts at its end (`upTo`) and before its start (`before`);
 * null where the site has no row yet.
 */
export function talliesBetween(sites: { upTo: RunningCounts | null; before: RunningCounts | null }[]): { total: Tally; ready: Tally } {
  const counts = new Map<string, number>();
  for (const { upTo, before } of sites) {
    for (const [key, n] of Object.entries(upTo ?? {})) counts.set(key, (counts.get(key) ?? 0) + n);
    for (const [key, n] of Object.entries(before ?? {})) counts.set(key, (counts.get(key) ?? 0) - n);
  }
  const of = (prefix: "t" | "r"): Tally =>
    [...counts].filter(([key, n]) => key.startsWith(prefix) && n > 0).map(([key, count]) => ({ value: Number(key.slice(1)), count }));
  return { total: of("t"), ready: of("r") };
}

/**
 * Buckets [e0, e1), [e1, e2), … from the edges, plus "< e0" and "≥ eLast". Labels use whole minutes:
 * edges 120, 130 give "120–129". Median: the middle value (the mean of the two middle ones for an even
 * count); p90: nearest rank (the smallest value with at least 90 % of values at or below it).
 */
export function distribution(values: Tally, edges: number[]): Distribution {
  const sorted = values.filter((t) => t.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((sum, t) => sum + t.count, 0);
  const buckets: Bucket[] = [
    { label: `< ${edges[0]}`, from: null, to: edges[0], count: 0 },
    ...edges.slice(0, -1).map((e, i) => ({ label: `${e}–${edges[i + 1] - 1}`, from: e, to: edges[i + 1], count: 0 })),
    { label: `≥ ${edges.at(-1)}`, from: edges.at(-1)!, to: null, count: 0 },
  ];
  for (const { value: v, count } of sorted) buckets.find((b) => (b.from == null || v >= b.from) && (b.to == null || v < b.to))!.count += count;
  // The k-th smallest value (0-based), walking the counts.
  const kth = (k: number) => {
    let seen = 0;
    for (const t of sorted) if ((seen += t.count) > k) return t.value;
    throw new Error(`no value of rank ${k}`);
  };
  const median = n ? (n % 2 ? kth((n - 1) / 2) : (kth(n / 2 - 1) + kth(n / 2)) / 2) : null;
  const p90 = n ? kth(Math.ceil(0.9 * n) - 1) : null;
  return { n, buckets, median, p90, min: n ? sorted[0].value : null, max: n ? sorted[sorted.length - 1].value : null };
}

/** Total monitoring: 10-minute buckets from the 120-minute minimum to 180 and over. */
export const TOTAL_EDGES = [120, 130, 140, 150, 160, 170, 180];
/** Ready to leave (without the 2-hour minimum): 15-minute buckets from 30 to 120 and over. */
export const READY_EDGES = [30, 45, 60, 75, 90, 105, 120];
