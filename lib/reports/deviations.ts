import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { COUNT_CAP } from "@/lib/tables/list-query";
import { remsParametersAt } from "@/lib/rems/data";
import { firstDeviceAt } from "@/lib/sessions/facts";
import { sessionDeviations, type SessionDeviation } from "./deviation-rules";
import { dateOnly, siteDay } from "@/lib/time/days";

const name = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;

export type DeviationRow = {
  sessionId: string;
  treatmentDate: string;
  patient: string;
  mrn: string;
  site: string;
  status: string;
  deviations: SessionDeviation[];
};

const sessionSelect = {
  id: true,
  status: true,
  treatmentDate: true,
  endOfMonitoringAt: true,
  patient: { select: { firstName: true, lastName: true, mrn: true } },
  site: { select: { name: true, timeZone: true } },
  devices: { select: { id: true, sequence: true, administeredAt: true, enteredInErrorAt: true } },
  vitals: { select: { id: true, takenAt: true, kind: true, systolic: true, diastolic: true, heartRate: true, spo2: true, enteredInErrorAt: true } },
  decisions: {
    orderBy: { decidedAt: "asc" },
    select: { rule: true, decision: true, reason: true, prescriber: { select: { firstName: true, lastName: true } } },
  },
  deviations: {
    orderBy: { detectedAt: "asc" },
    select: { code: true, description: true, reason: true, recordedBy: { select: { firstName: true, lastName: true } } },
  },
  acknowledgements: {
    orderBy: { acknowledgedAt: "asc" },
    select: { code: true, message: true, step: true, acknowledgedBy: { select: { firstName: true, lastName: true } } },
  },
} satisfies Prisma.TreatmentSessionSelect;

/** Where a page of the report starts: after this session in (treatment date, id) descending order. */
export type DeviationCursor = { date: string; id: string };
export const cursorParam = (c: DeviationCursor) => `${c.date}_${c.id}`;
export function parseCursor(v: string | undefined): DeviationCursor | undefined {
  const m = v?.match(/^(\d{4}-\d{2}-\d{2})_([a-z0-9]{1,40})$/);
  return m ? { date: m[1], id: m[2] } : undefined;
}

/**
 * The protocol-deviation report, a page at a time: the dosed sessions of the sites with a treatment date in
 * [from, to], newest first, read by `sessionDeviations` from their deviation, GATE-decision and acknowledgement
 * rows (and readings). Sessions are checked in batches of `batch` (keyset on treatment date and id, index
 * TreatmentSession(siteId, treatmentDate, id)) until the page has `pageRows` sessions with findings or
 * `maxChecked` sessions were checked; `next` continues after the last one checked, so the report goes through
 * any number of sessions at the same cost per page.
 */
export async function deviationReport(
  siteIds: string[],
  from: string,
  to: string,
  opts: { after?: DeviationCursor; pageRows?: number; maxChecked?: number; batch?: number } = {},
): Promise<{ inRange: number; capped: boolean; checked: number; next: DeviationCursor | null; rows: DeviationRow[] }> {
  const { pageRows = 25, maxChecked = 200 } = opts;
  const dosed = Prisma.sql`s."siteId" = ANY(${siteIds}::text[]) AND s."treatmentDate" BETWEEN ${from}::date AND ${to}::date
    AND EXISTS (SELECT 1 FROM "DeviceAdministration" d WHERE d."sessionId" = s.id AND d."enteredInErrorAt" IS NULL)`;
  const [{ count }] = await db().$queryRaw<
    { count: bigint }[]
  >`SELECT count(*) AS count FROM (SELECT 1 FROM "TreatmentSession" s WHERE ${dosed} LIMIT ${COUNT_CAP + 1}) m`;
  const batch = Math.min(opts.batch ?? 50, maxChecked);
  const rows: DeviationRow[] = [];
  let checked = 0;
  let after = opts.after;
  let more = true;
  while (more && rows.length < pageRows && checked < maxChecked) {
    const take = Math.min(batch, maxChecked - checked);
    const keyset = after ? Prisma.sql`AND (s."treatmentDate", s.id) < (${after.date}::date, ${after.id})` : Prisma.empty;
    const ids = await db().$queryRaw<{ id: string; treatmentDate: Date }[]>`SELECT s.id, s."treatmentDate" FROM "TreatmentSession" s
      WHERE ${dosed} ${keyset}
      ORDER BY s."treatmentDate" DESC, s.id DESC LIMIT ${take + 1}`;
    more = ids.length > take;
    const page = ids.slice(0, take);
    if (!page.length) break;
    const found = await db().treatmentSession.findMany({ where: { id: { in: page.map((r) => r.id) } }, select: sessionSelect });
    const byId = new Map(found.map((f) => [f.id, f]));
    for (const { id, treatmentDate } of page) {
      checked++;
      after = { date: dateOnly(treatmentDate), id };
      const row = await deviationRow(byId.get(id)!);
      if (row) rows.push(row);
      if (rows.length >= pageRows) {
        more = more || page.at(-1)!.id !== id;
        break;
      }
    }
  }
  return { inRange: Math.min(Number(count), COUNT_CAP), capped: Number(count) > COUNT_CAP, checked, next: more && after ? after : null, rows };
}

async function deviationRow(s: Prisma.TreatmentSessionGetPayload<{ select: typeof sessionSelect }>): Promise<DeviationRow | null> {
  const now = new Date();
  const devices = s.devices.map((d) => ({
    id: d.id,
    sequence: d.sequence,
    administeredAt: d.administeredAt,
    lotNumber: "",
    lotExpiresOn: "",
    enteredInError: !!d.enteredInErrorAt,
  }));
  const t0 = firstDeviceAt(devices);
  const params = await remsParametersAt(t0 ?? now);
  const deviations = sessionDeviations({
    t0,
    end: s.endOfMonitoringAt ?? now,
    params,
    vitals: s.vitals.map((v) => ({ ...v, enteredInError: !!v.enteredInErrorAt })),
    decisions: s.decisions.map((d) => ({
      rule: d.rule,
      decision: d.decision,
      reason: d.reason,
      prescriber: `${d.prescriber.firstName} ${d.prescriber.lastName}`,
    })),
    acknowledgements: s.acknowledgements.map((a) => ({ code: a.code, message: a.message, step: a.step, by: name(a.acknowledgedBy) })),
    recorded: s.deviations.map((d) => ({ code: d.code, description: d.description, reason: d.reason, by: d.recordedBy && name(d.recordedBy) })),
  });
  if (!deviations.length) return null;
  return {
    sessionId: s.id,
    treatmentDate: s.treatmentDate ? dateOnly(s.treatmentDate) : t0 ? siteDay(t0, s.site.timeZone) : "",
    patient: `${s.patient.lastName}, ${s.patient.firstName}`,
    mrn: s.patient.mrn,
    site: s.site.name,
    status: s.status,
    deviations,
  };
}
