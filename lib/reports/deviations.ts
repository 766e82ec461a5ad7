import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { COUNT_CAP } from "@/lib/tables/list-query";
import { remsParametersAt } from "@/lib/rems/data";
import { sql, type Json } from "@/lib/db/sql";
import type { Vital } from "@/lib/sessions/facts";
import { ACTIVE_STATUSES } from "@/lib/sessions/data";
import { sessionDeviations, type DeviationFacts, type SessionDeviation } from "./deviation-rules";
import { dateOnly, siteDay } from "@/lib/time/days";

export type DeviationRow = {
  sessionId: string;
  treatmentDate: string;
  patient: string;
  mrn: string;
  site: string;
  status: string;
  deviations: SessionDeviation[];
};

/** A session that may have findings, with what `sessionDeviations` reads (instants in the json as ISO strings). */
type CandidateRow = {
  id: string;
  status: string;
  treatmentDate: string | null;
  endOfMonitoringAt: Date | null;
  t0: Date | null;
  patient: string;
  mrn: string;
  site: string;
  timeZone: string;
  vitals: Json<Vital>[];
  decisions: DeviationFacts["decisions"];
  acknowledgements: DeviationFacts["acknowledgements"];
  recorded: DeviationFacts["recorded"];
};

// One statement for a batch of sessions (Prisma ran a query per relation and per user name).
const loadCandidates = (ids: string[]) => sql().query<CandidateRow>`
  SELECT s.id, s.status::text AS status, s."treatmentDate"::text AS "treatmentDate", s."endOfMonitoringAt",
    (SELECT min(a."administeredAt") FROM "DeviceAdministration" a WHERE a."sessionId" = s.id AND a."enteredInErrorAt" IS NULL) AS t0,
    (SELECT p."lastName" || ', ' || p."firstName" FROM "Patient" p WHERE p.id = s."patientId") AS patient,
    (SELECT p.mrn FROM "Patient" p WHERE p.id = s."patientId") AS mrn, st.name AS site, st."timeZone",
    coalesce((SELECT json_agg(json_build_object('id', v.id, 'takenAt', v."takenAt", 'kind', v.kind, 'systolic', v.systolic, 'diastolic', v.diastolic,
      'heartRate', v."heartRate", 'spo2', v.spo2, 'enteredInError', v."enteredInErrorAt" IS NOT NULL) ORDER BY v."takenAt", v.id)
      FROM "ObservationVital" v WHERE v."sessionId" = s.id), '[]') AS vitals,
    coalesce((SELECT json_agg(json_build_object('rule', x.rule, 'decision', x.decision, 'reason', x.reason, 'prescriber', u."firstName" || ' ' || u."lastName")
      ORDER BY x."decidedAt", x.id) FROM "ClinicalDecision" x JOIN "User" u ON u.id = x."prescriberId" WHERE x."sessionId" = s.id), '[]') AS decisions,
    coalesce((SELECT json_agg(json_build_object('code', x.code, 'message', x.message, 'step', x.step, 'by', u."firstName" || ' ' || u."lastName")
      ORDER BY x."acknowledgedAt", x.id) FROM "WarningAcknowledgement" x JOIN "User" u ON u.id = x."acknowledgedById" WHERE x."sessionId" = s.id), '[]') AS acknowledgements,
    coalesce((SELECT json_agg(json_build_object('code', x.code, 'description', x.description, 'reason', x.reason, 'by', u."firstName" || ' ' || u."lastName")
      ORDER BY x."detectedAt", x.id) FROM "ProtocolDeviation" x LEFT JOIN "User" u ON u.id = x."recordedById" WHERE x."sessionId" = s.id), '[]') AS recorded
  FROM "TreatmentSession" s JOIN "Site" st ON st.id = s."siteId" WHERE s.id = ANY(${ids}::text[])`;

const LOAD_BATCH = 100;

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
 * rows (and readings). A page goes through at most `maxChecked` sessions (keyset on treatment date and id) and
 * stops at `pageRows` sessions with findings; `next` continues after the last one checked, so the report goes
 * through any number of sessions at the same cost per page.
 *
 * Only a session that may have findings is loaded and read by the rules: one still open (its findings are derived
 * from the readings as they stand), or one with a deviation, GATE-decision or acknowledgement row. A closed
 * session has no other findings: the end of monitoring (discharge or transfer) writes what the rules find in the
 * readings as deviation rows (recordFoundDeviations), and a closed session's readings no longer change.
 */
export async function deviationReport(
  siteIds: string[],
  from: string,
  to: string,
  opts: { after?: DeviationCursor; pageRows?: number; maxChecked?: number } = {},
): Promise<{ inRange: number; capped: boolean; checked: number; next: DeviationCursor | null; rows: DeviationRow[] }> {
  const { pageRows = 25, maxChecked = 1000, after } = opts;
  // `dosed` and `hasDeviationRecords` are kept by the database from the session's rows (see schema.prisma).
  const dosed = Prisma.sql`s."siteId" = ANY(${siteIds}::text[]) AND s."treatmentDate" BETWEEN ${from}::date AND ${to}::date AND s."dosed"`;
  const mayHaveFindings = Prisma.sql`(s.status::text = ANY(${[...ACTIVE_STATUSES]}::text[]) OR s."hasDeviationRecords")`;
  const keyset = after ? Prisma.sql`AND (s."treatmentDate", s.id) < (${after.date}::date, ${after.id})` : Prisma.empty;
  // The page's sessions that may have findings, in order, and its last session (n = maxChecked, or the last one in
  // range); a row n = maxChecked + 1 says the range goes on.
  const scanned = await db().$queryRaw<{ id: string; treatmentDate: Date; candidate: boolean; n: number }[]>`
    WITH page AS (
      SELECT s.id, s."treatmentDate", ${mayHaveFindings} AS candidate, row_number() OVER (ORDER BY s."treatmentDate" DESC, s.id DESC)::int AS n
      FROM "TreatmentSession" s WHERE ${dosed} ${keyset}
      ORDER BY s."treatmentDate" DESC, s.id DESC LIMIT ${maxChecked + 1})
    SELECT id, "treatmentDate", candidate, n FROM page
    WHERE candidate OR n >= LEAST(${maxChecked}, (SELECT max(n) FROM page)) ORDER BY n`;
  // The first page's scan already counted the range up to the cap (its last row is the last session it read).
  const count =
    !after && maxChecked >= COUNT_CAP
      ? (scanned.at(-1)?.n ?? 0)
      : Number(
          (
            await db().$queryRaw<
              { count: bigint }[]
            >`SELECT count(*) AS count FROM (SELECT 1 FROM "TreatmentSession" s WHERE ${dosed} LIMIT ${COUNT_CAP + 1}) m`
          )[0].count,
        );
  const inPage = scanned.filter((r) => r.n <= maxChecked);
  const last = inPage.at(-1);
  if (!last) return { inRange: Math.min(count, COUNT_CAP), capped: count > COUNT_CAP, checked: 0, next: null, rows: [] };
  const rows: DeviationRow[] = [];
  let stop = last;
  const candidates = inPage.filter((r) => r.candidate);
  // Loaded LOAD_BATCH at a time (an open session may turn out to have no findings, so a page may need more
  // candidates than rows; one batch holds the open sessions of a clinic network's chairs and a page's findings).
  for (let i = 0; i < candidates.length && rows.length < pageRows; ) {
    const chunk = candidates.slice(i, (i += LOAD_BATCH));
    const found = new Map((await loadCandidates(chunk.map((r) => r.id))).map((f) => [f.id, f]));
    for (const r of chunk) {
      const row = await deviationRow(found.get(r.id)!);
      if (row && rows.push(row) >= pageRows) {
        stop = r;
        break;
      }
    }
  }
  const more = scanned.at(-1)!.n > maxChecked || stop !== last;
  return {
    inRange: Math.min(count, COUNT_CAP),
    capped: count > COUNT_CAP,
    checked: stop.n,
    next: more ? { date: dateOnly(stop.treatmentDate), id: stop.id } : null,
    rows,
  };
}

async function deviationRow(s: CandidateRow): Promise<DeviationRow | null> {
  const now = new Date();
  const params = await remsParametersAt(s.t0 ?? now);
  const deviations = sessionDeviations({
    t0: s.t0,
    end: s.endOfMonitoringAt ?? now,
    params,
    vitals: s.vitals.map((v) => ({ ...v, takenAt: new Date(v.takenAt) })),
    decisions: s.decisions,
    acknowledgements: s.acknowledgements,
    recorded: s.recorded,
  });
  if (!deviations.length) return null;
  return {
    sessionId: s.id,
    treatmentDate: s.treatmentDate ?? (s.t0 ? siteDay(s.t0, s.timeZone) : ""),
    patient: s.patient,
    mrn: s.mrn,
    site: s.site,
    status: s.status,
    deviations,
  };
}
