import "server-only";
import { db } from "@/lib/db/client";
import { remsParametersAt } from "@/lib/rems/data";
import { firstDeviceAt } from "@/lib/sessions/facts";
import { localDate } from "@/lib/sessions/local-time";
import { sessionDeviations, type SessionDeviation } from "./deviation-rules";

export type DeviationRow = { sessionId: string; treatmentDate: string; patient: string; mrn: string; site: string; status: string; deviations: SessionDeviation[] };

/**
 * The protocol-deviation report: every dosed session of the sites with a treatment date in [from, to],
 * checked by `sessionDeviations` against its own readings, GATE decisions and the warnings acknowledged
 * in the audit trail. Returns the sessions with at least one finding, and how many were checked.
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
      deviations: { select: { code: true, description: true } },
    },
  });
  // One more than the limit is read only to know whether the page says so.
  const truncated = found.length > limit;
  const sessions = found.slice(0, limit);
  const deviceIds = sessions.flatMap((s) => s.devices.map((d) => d.id));
  const audits = deviceIds.length
    ? await db().auditEvent.findMany({ where: { action: "device.administer", entityType: "DeviceAdministration", entityId: { in: deviceIds } }, orderBy: { id: "asc" }, select: { entityId: true, actorId: true, actorEmail: true, after: true } })
    : [];
  const actorIds = [...new Set(audits.map((a) => a.actorId).filter((x): x is string => !!x))];
  const names = new Map((await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, firstName: true, lastName: true } })).map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
  const auditByDevice = new Map(audits.map((a) => [a.entityId!, a]));
  const now = new Date();
  const rows: DeviationRow[] = [];
  for (const s of sessions) {
    const devices = s.devices.map((d) => ({ id: d.id, sequence: d.sequence, administeredAt: d.administeredAt, lotNumber: "", lotExpiresOn: "", enteredInError: !!d.enteredInErrorAt }));
    const t0 = firstDeviceAt(devices);
    const params = await remsParametersAt(t0 ?? now);
    const acknowledgements = [...s.devices].sort((a, b) => a.sequence - b.sequence).flatMap((d) => {
      const a = auditByDevice.get(d.id);
      const codes = ((a?.after as { acknowledgedWarnings?: unknown } | null)?.acknowledgedWarnings ?? []) as string[];
      return codes.length ? [{ codes, by: (a?.actorId && names.get(a.actorId)) || a?.actorEmail || "unknown user", step: `device ${d.sequence}` }] : [];
    });
    const deviations = sessionDeviations({
      t0, end: s.endOfMonitoringAt ?? now, params,
      vitals: s.vitals.map((v) => ({ ...v, enteredInError: !!v.enteredInErrorAt })),
      decisions: s.decisions.map((d) => ({ rule: d.rule, decision: d.decision, reason: d.reason, prescriber: `${d.prescriber.firstName} ${d.prescriber.lastName}` })),
      acknowledgements, recorded: s.deviations,
    });
    if (deviations.length)
      rows.push({ sessionId: s.id, treatmentDate: s.treatmentDate ? s.treatmentDate.toISOString().slice(0, 10) : t0 ? localDate(t0, s.site.timeZone) : "", patient: `${s.patient.lastName}, ${s.patient.firstName}`, mrn: s.patient.mrn, site: s.site.name, status: s.status, deviations });
  }
  return { checked: sessions.length, truncated, rows };
}
