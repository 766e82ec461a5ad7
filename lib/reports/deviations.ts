import "server-only";
import { db } from "@/lib/db/client";
import { remsParametersAt } from "@/lib/rems/data";
import { firstDeviceAt } from "@/lib/sessions/facts";
import { localDate } from "@/lib/sessions/local-time";
import { sessionDeviations, type SessionDeviation } from "./deviation-rules";
import { dateOnly } from "@/lib/time/days";

const name = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;

export type DeviationRow = { sessionId: string; treatmentDate: string; patient: string; mrn: string; site: string; status: string; deviations: SessionDeviation[] };

/**
 * The protocol-deviation report: every dosed session of the sites with a treatment date in [from, to],
 * read by `sessionDeviations` from its deviation, GATE-decision and acknowledgement rows (and its readings). Returns the sessions with at least one finding, and how many were checked.
 */
export async function deviationReport(siteIds: string[], from: string, to: string, limit = 1000): Promise<{ checked: number; truncated: boolean; rows: DeviationRow[] }> {
  const found = await db().treatmentSession.findMany({
    where: { siteId: { in: siteIds }, treatmentDate: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) }, devices: { some: { enteredInErrorAt: null } } },
    orderBy: [{ treatmentDate: "desc" }, { id: "asc" }],
    take: limit + 1,
    select: {
      id: true, status: true, treatmentDate: true, endOfMonitoringAt: true,
      patient: { select: { firstName: true, lastName: true, mrn: true } },
      site: { select: { name: true, timeZone: true } },
      devices: { select: { id: true, sequence: true, administeredAt: true, enteredInErrorAt: true } },
      vitals: { select: { id: true, takenAt: true, kind: true, systolic: true, diastolic: true, heartRate: true, spo2: true, enteredInErrorAt: true } },
      decisions: { orderBy: { decidedAt: "asc" }, select: { rule: true, decision: true, reason: true, prescriber: { select: { firstName: true, lastName: true } } } },
      deviations: { orderBy: { detectedAt: "asc" }, select: { code: true, description: true, reason: true, recordedBy: { select: { firstName: true, lastName: true } } } },
      acknowledgements: { orderBy: { acknowledgedAt: "asc" }, select: { code: true, message: true, step: true, acknowledgedBy: { select: { firstName: true, lastName: true } } } },
    },
  });
  // One more than the limit is read only to know whether the page says so.
  const truncated = found.length > limit;
  const sessions = found.slice(0, limit);
  const now = new Date();
  const rows: DeviationRow[] = [];
  for (const s of sessions) {
    const devices = s.devices.map((d) => ({ id: d.id, sequence: d.sequence, administeredAt: d.administeredAt, lotNumber: "", lotExpiresOn: "", enteredInError: !!d.enteredInErrorAt }));
    const t0 = firstDeviceAt(devices);
    const params = await remsParametersAt(t0 ?? now);
    const deviations = sessionDeviations({
      t0, end: s.endOfMonitoringAt ?? now, params,
      vitals: s.vitals.map((v) => ({ ...v, enteredInError: !!v.enteredInErrorAt })),
      decisions: s.decisions.map((d) => ({ rule: d.rule, decision: d.decision, reason: d.reason, prescriber: `${d.prescriber.firstName} ${d.prescriber.lastName}` })),
      acknowledgements: s.acknowledgements.map((a) => ({ code: a.code, message: a.message, step: a.step, by: name(a.acknowledgedBy) })),
      recorded: s.deviations.map((d) => ({ code: d.code, description: d.description, reason: d.reason, by: d.recordedBy && name(d.recordedBy) })),
    });
    if (deviations.length)
      rows.push({ sessionId: s.id, treatmentDate: s.treatmentDate ? dateOnly(s.treatmentDate) : t0 ? localDate(t0, s.site.timeZone) : "", patient: `${s.patient.lastName}, ${s.patient.firstName}`, mrn: s.patient.mrn, site: s.site.name, status: s.status, deviations });
  }
  return { checked: sessions.length, truncated, rows };
}
