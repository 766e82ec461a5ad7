import "server-only";
import { db } from "@/lib/db/client";
import { distribution, READY_EDGES, TOTAL_EDGES } from "./duration-rules";

/**
 * R33/R34 over the discharged sessions of the sites with a treatment date in [from, to]: total
 * monitoring minutes (first device → end of monitoring, whole minutes) and the HCP's ready-to-leave answer.
 * Emergency transfers are left out: their time is not a monitoring decision.
 */
export async function monitoringDurations(siteIds: string[], from: string, to: string) {
  // Two numbers per session computed by PostgreSQL (first live device → end of monitoring, in whole minutes, as
  // `wholeMinutes(firstDeviceAt(devices), end)`), rather than every session's devices as objects.
  const rows = await db().$queryRaw<{ total: number; ready: number | null }[]>`
    SELECT floor(extract(epoch FROM s."endOfMonitoringAt" - t.t0) / 60)::int AS total, dd."readyToLeaveMinutes" AS ready
    FROM "TreatmentSession" s
    JOIN LATERAL (SELECT min(d."administeredAt") AS t0 FROM "DeviceAdministration" d WHERE d."sessionId" = s.id AND d."enteredInErrorAt" IS NULL) t ON t.t0 IS NOT NULL
    LEFT JOIN "DischargeDecision" dd ON dd."sessionId" = s.id
    WHERE s."siteId" = ANY(${siteIds}::text[]) AND s.status = 'DISCHARGED' AND s."endOfMonitoringAt" IS NOT NULL
      AND s."treatmentDate" BETWEEN ${from}::date AND ${to}::date`;
  const totals = rows.map((r) => r.total);
  const ready = rows.map((r) => r.ready).filter((r): r is number => r != null);
  return { total: distribution(totals, TOTAL_EDGES), ready: distribution(ready, READY_EDGES) };
}
