import "server-only";
import { sql } from "@/lib/db/sql";
import { distribution, READY_EDGES, talliesBetween, TOTAL_EDGES } from "./duration-rules";

/**
 * R33/R34 over the discharged sessions of the sites with a treatment date in [from, to]: total
 * monitoring minutes (first device → end of monitoring, whole minutes) and the HCP's ready-to-leave answer.
 * Emergency transfers are left out: their time is not a monitoring decision.
 */
export async function monitoringDurations(siteIds: string[], from: string, to: string) {
  // The database keeps each site's running counts per value (MonitoringDurationRunningTally, by triggers from the
  // sessions' MonitoringDuration rows): the range's counts are the last row up to `to` less the last row before
  // `from`, so the report reads two rows per site however many sessions the range holds.
  const rows =
    from > to
      ? []
      : await sql().query<{ upTo: Record<string, number> | null; before: Record<string, number> | null }>`
    SELECT (SELECT p.counts FROM "MonitoringDurationRunningTally" p WHERE p."siteId" = s.id AND p."treatmentDate" <= ${to}::date
              ORDER BY p."treatmentDate" DESC LIMIT 1) AS "upTo",
           (SELECT p.counts FROM "MonitoringDurationRunningTally" p WHERE p."siteId" = s.id AND p."treatmentDate" < ${from}::date
              ORDER BY p."treatmentDate" DESC LIMIT 1) AS "before"
    FROM unnest(${siteIds}::text[]) AS s(id)`;
  const { total, ready } = talliesBetween(rows);
  return { total: distribution(total, TOTAL_EDGES), ready: distribution(ready, READY_EDGES) };
}
