// One scale of bench:lists (issue 14 point 4), run by bench/list-pages.ts inside scripts/with-db.ts on its own database:
// generates BENCH_SESSIONS sessions (bench/generate-sessions.ts), writes the plans of the page queries (EXPLAIN ANALYZE) to
// bench/explain/<page>.txt when BENCH_EXPLAIN is set, then times the data functions the pages call on request. Lines on
// stdin and stdout, the coordinator's alternating between the two scales: "<case> <runs>" → "@@times <case> <rows> <ms,…>".
import fs from "node:fs";
import { createInterface } from "node:readline";
import { db } from "../lib/db/client";
import { generateSessions, SITES } from "./generate-sessions";
import { boardFor } from "../lib/sessions/view";
import { listPatients } from "../lib/patients/data";
import { pmfWorklist } from "../lib/pmf/worklist";
import { adverseEventLog } from "../lib/reports/adverse-events";
import { deviationReport } from "../lib/reports/deviations";
import { enrollmentReport } from "../lib/reports/enrollment";
import { monitoringDurations } from "../lib/reports/monitoring-duration";
import { listAuditEvents } from "../lib/audit/data";
import { auditFilterSchema } from "../lib/audit/schema";
import { lotDetail } from "../lib/inventory/data";

const n = Number(process.env.BENCH_SESSIONS ?? 1000);
const url = process.env.DATABASE_OWNER_URL!;
console.log(`\nGenerating ${n.toLocaleString("en-US")} sessions…`);
await generateSessions(url, n);

const allSites = Array.from({ length: SITES }, (_, s) => `site-${s}`);
const oneSite = ["site-3"];
const today = new Date().toISOString().slice(0, 10);
const from = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
// The generator's two years: the deviation report's first page then has findings at both scales (60 days at 1 000
// sessions hold about two), so the two p95s time the same page.
const twoYears = new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 10);
const scope = { siteIds: allSites, userIds: [...allSites.map((s) => `nurse-${s.slice(5)}`), "admin-bench"] };
const lotId = (await db().inventoryLot.findFirstOrThrow({ where: { siteId: "site-3" }, orderBy: { receivedAt: "asc" }, select: { id: true } })).id;

const cases: [string, () => Promise<number>][] = [
  ["board (all chairs of 20 sites)", async () => (await boardFor(allSites, new Date())).length],
  ["patient list, page 1", async () => (await listPatients(allSites, undefined, 1)).rows.length],
  ["patient list, page 20", async () => (await listPatients(allSites, undefined, 20)).rows.length],
  ["PMF worklist, page 1 (20 sites)", async () => (await pmfWorklist(allSites, {})).rows.length],
  ["PMF worklist, page 3, due date descending", async () => (await pmfWorklist(allSites, { page: 3, dir: "desc" })).rows.length],
  ["PMF worklist, one site, status ready", async () => (await pmfWorklist(oneSite, { status: "READY" })).rows.length],
  ["PMF worklist, one site, status submitted", async () => (await pmfWorklist(oneSite, { status: "SUBMITTED" })).rows.length],
  ["adverse-event log, page 1", async () => (await adverseEventLog(allSites, {})).rows.length],
  ["adverse-event log, page 3", async () => (await adverseEventLog(allSites, { page: 3 })).rows.length],
  ["deviation report, first page (2 years)", async () => (await deviationReport(allSites, twoYears, today)).rows.length],
  ["enrollment report, page 1", async () => (await enrollmentReport(allSites, { page: 1 })).patients.length],
  ["monitoring duration (60 days, aggregate)", async () => (await monitoringDurations(allSites, from, today)).total.n],
  ["audit log viewer, newest page", async () => (await listAuditEvents(auditFilterSchema.parse({}), scope)).rows.length],
  ["lot page (devices on hand first), page 1", async () => (await lotDetail(lotId, 1))!.devices.length],
];

if (process.env.BENCH_EXPLAIN) {
  // The page queries as the data functions send them (the SQL of lib/pmf/worklist.ts, lib/reports/*.ts,
  // lib/patients/data.ts, lib/inventory/data.ts; the Prisma ones written out), with this scale's values.
  const sites = `ARRAY[${allSites.map((s) => `'${s}'`).join(",")}]::text[]`;
  const plans: Record<string, string> = {
    "pmf-worklist": `SELECT f.id FROM "PatientMonitoringForm" f WHERE f."siteId" = ANY(${sites})
      ORDER BY (f.status = 'SUBMITTED'), f."dueDate", f.id LIMIT 25 OFFSET 50`,
    "pmf-worklist-count": `SELECT count(*) FROM (SELECT 1 FROM "PatientMonitoringForm" f WHERE f."siteId" = ANY(${sites}) LIMIT 1001) m`,
    "pmf-worklist-one-site-ready": `SELECT f.id FROM "PatientMonitoringForm" f WHERE f."siteId" = ANY(ARRAY['site-3']::text[]) AND f.status = 'READY'
      ORDER BY (f.status = 'SUBMITTED'), f."dueDate", f.id LIMIT 25`,
    "adverse-event-log": `SELECT id FROM "AdverseEvent" WHERE "siteId" = ANY(${sites}) AND NOT ("reportedToRemsAt" IS NULL AND serious) ORDER BY "onsetAt" DESC, id DESC LIMIT 25 OFFSET 50`,
    "deviation-report": `WITH batch AS (SELECT s.id, s."treatmentDate", (s.status::text = ANY(ARRAY['CHECKED_IN','DOSING','MONITORING'])
        OR s."hasDeviationRecords") AS candidate, row_number() OVER (ORDER BY s."treatmentDate" DESC, s.id DESC)::int AS n
      FROM "TreatmentSession" s WHERE s."siteId" = ANY(${sites}) AND s."treatmentDate" BETWEEN '${twoYears}'::date AND '${today}'::date
      AND s."dosed" ORDER BY s."treatmentDate" DESC, s.id DESC LIMIT 1001)
      SELECT id, "treatmentDate", candidate, n FROM batch WHERE candidate OR n >= LEAST(1000, (SELECT max(n) FROM batch)) ORDER BY n`,
    "monitoring-duration": `SELECT (SELECT p.counts FROM "MonitoringDurationRunningTally" p WHERE p."siteId" = s.id AND p."treatmentDate" <= '${today}'::date
        ORDER BY p."treatmentDate" DESC LIMIT 1) AS "upTo",
      (SELECT p.counts FROM "MonitoringDurationRunningTally" p WHERE p."siteId" = s.id AND p."treatmentDate" < '${from}'::date
        ORDER BY p."treatmentDate" DESC LIMIT 1) AS "before"
      FROM unnest(${sites}) AS s(id)`,
    "patient-list": `SELECT pg.id, last.d FROM (SELECT p.id, p."lastName", p."firstName" FROM "Patient" p WHERE p."siteId" = ANY(${sites}) AND p."archivedAt" IS NULL
      ORDER BY p."lastName", p."firstName", p.id LIMIT 20 OFFSET 380) pg
      CROSS JOIN LATERAL (SELECT max(s."treatmentDate") AS d FROM "TreatmentSession" s WHERE s."patientId" = pg.id) last ORDER BY pg."lastName", pg."firstName", pg.id`,
    "enrollment-patients": `SELECT id FROM "Patient" WHERE "siteId" = ANY(${sites}) AND "archivedAt" IS NULL ORDER BY "lastName", "firstName", id LIMIT 25`,
    // The board's one statement (lib/sessions/data readFacts) chooses its sessions so; each one's facts are index probes.
    "board-sessions": `SELECT s.id FROM "TreatmentSession" s JOIN "Site" st ON st.id = s."siteId" LEFT JOIN "Chair" ch ON ch.id = s."chairId"
      WHERE s.id = ANY('{}'::text[]) OR (s."siteId" = ANY(${sites}) AND s.status = ANY(ARRAY['CHECKED_IN','DOSING','MONITORING']::"SessionStatus"[]))
      ORDER BY ch.label, s."createdAt", s.id`,
    "audit-viewer": `SELECT id FROM "AuditEvent" WHERE "siteId" = ANY(${sites}) ORDER BY id DESC LIMIT 51`,
    "lot-devices": `SELECT id FROM "Device" WHERE "lotId" = '${lotId}' ORDER BY (status <> 'ON_HAND'), serial, id LIMIT 25`,
  };
  fs.mkdirSync("bench/explain", { recursive: true });
  for (const [name, sql] of Object.entries(plans)) {
    await db().$queryRawUnsafe(sql); // warm, as the timed runs are: the plan's times then show the page, not the first read of its pages
    const plan = await db().$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`);
    const text = `-- ${name} at ${n} sessions\n${sql.replace(/\s+/g, " ")}\n\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}\n`;
    fs.writeFileSync(`bench/explain/${name}.txt`, text);
  }
  console.log(`\nPlans written to bench/explain/*.txt`);
}

// Timed on request: the coordinator sends a case and a number of runs, and alternates the two scales.
console.log(`@@ready ${cases.map(([name]) => encodeURIComponent(name)).join(" ")}`);
for await (const line of createInterface({ input: process.stdin })) {
  const [i, runs] = line.split(" ").map(Number);
  if (!(i in cases)) break;
  const run = cases[i][1];
  const times: number[] = [];
  let rows = 0;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    rows = await run();
    times.push(performance.now() - t);
  }
  console.log(`@@times ${i} ${rows} ${times.map((t) => t.toFixed(3)).join(",")}`);
}
await db().$disconnect();
