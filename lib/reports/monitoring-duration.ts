import "server-only";
import { db } from "@/lib/db/client";
import { distribution, READY_EDGES, TOTAL_EDGES, type Tally } from "./duration-rules";

/**
 * R33/R34 over the discharged sessions of the sites with a treatment date in [from, to]: total
 * monitoring minutes (first device → end of monitoring, whole minutes) and the HCP's ready-to-leave answer.
 * Emergency transfers are left out: their time is not a monitoring decision.
 */
export async function monitoringDurations(siteIds: string[], from: string, to: string) {
  // The database keeps both numbers per discharged session (MonitoringDuration, by triggers) and counts each
  // value here, so the report reads one index range and gets one row per distinct minute, not one per session.
  const rows = await db().$queryRaw<{ kind: "total" | "ready"; value: number; count: number }[]>`
    SELECT CASE WHEN GROUPING(m."totalMinutes") = 0 THEN 'total' ELSE 'ready' END AS kind,
      coalesce(m."totalMinutes", m."readyToLeaveMinutes") AS value, count(*)::int AS count
    FROM "MonitoringDuration" m
    WHERE m."siteId" = ANY(${siteIds}::text[]) AND m."treatmentDate" BETWEEN ${from}::date AND ${to}::date
    GROUP BY GROUPING SETS ((m."totalMinutes"), (m."readyToLeaveMinutes"))`;
  const of = (kind: "total" | "ready"): Tally => rows.filter((r) => r.kind === kind && r.value != null).map(({ value, count }) => ({ value, count }));
  return { total: distribution(of("total"), TOTAL_EDGES), ready: distribution(of("ready"), READY_EDGES) };
}
