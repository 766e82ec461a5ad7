import "server-only";
import { db } from "@/lib/db/client";
import { wholeMinutes } from "@/lib/rems/rule-result";
import { firstDeviceAt } from "@/lib/sessions/facts";
import { distribution, READY_EDGES, TOTAL_EDGES } from "./duration-rules";

/**
 * R33/R34 over the discharged sessions of the sites with a treatment date in [from, to]: total
 * monitoring minutes (first device → end of monitoring, whole minutes) and the HCP's ready-to-leave answer.
 * Emergency transfers are left out: their time is not a monitoring decision.
 */
export async function monitoringDurations(siteIds: string[], from: string, to: string) {
  const sessions = await db().treatmentSession.findMany({
    where: { siteId: { in: siteIds }, status: "DISCHARGED", endOfMonitoringAt: { not: null }, treatmentDate: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } },
    select: { endOfMonitoringAt: true, devices: { select: { id: true, sequence: true, administeredAt: true, enteredInErrorAt: true } }, discharge: { select: { readyToLeaveMinutes: true } } },
  });
  const totals: number[] = [];
  const ready: number[] = [];
  for (const s of sessions) {
    const t0 = firstDeviceAt(s.devices.map((d) => ({ id: d.id, sequence: d.sequence, administeredAt: d.administeredAt, lotNumber: "", lotExpiresOn: "", enteredInError: !!d.enteredInErrorAt })));
    if (!t0) continue;
    totals.push(wholeMinutes(t0, s.endOfMonitoringAt!));
    if (s.discharge?.readyToLeaveMinutes != null) ready.push(s.discharge.readyToLeaveMinutes);
  }
  return { total: distribution(totals, TOTAL_EDGES), ready: distribution(ready, READY_EDGES) };
}
