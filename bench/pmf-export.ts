// PMF CSV export benchmark (issue: administrator's REMS reports, point 8).
//   npm run bench:pmf-export      (10 000 forms; BENCH_FORMS=… to change)
// On its own throwaway database: inserts the forms, then in the same run times (1) the application's
// streamed CSV export and (2) a plain SQL export of the same rows (one query, rows joined as CSV),
// and prints both times, their ratio (target ≤ 2×) and the export's peak memory growth (target ≤ 150 MB).
import pg from "pg";
import { db } from "../lib/db/client";
import { asOwner } from "../lib/db/testing/owner";
import { pmfCsvStream } from "../lib/pmf/export";

const N = Number(process.env.BENCH_FORMS ?? 10_000);

async function seed() {
  const site = await db().site.create({ data: { code: `BENCH-${Date.now()}`, name: "Bench clinic", settingType: "OUTPATIENT", certificationStatus: "ACTIVE", address1: "1 Main St", city: "Hudson", state: "NY", zip: "12534" } });
  const patient = await db().patient.create({ data: { siteId: site.id, mrn: "B-1", firstName: "Bench", lastName: "Patient", birthDate: new Date("1980-01-01"), sex: "OTHER" } });
  const fields = (i: number) => ({
    "patient.firstName": "Bench", "patient.middleInitial": "", "patient.lastName": i % 100 === 0 ? "=cmd|' /C calc'!A0" : `Patient ${i}`, "patient.birthDate": "01/01/1980", "patient.sex": "Other",
    isFirstTreatment: i === 0, isEnrolledInRems: true, "conmed.benzodiazepines": false, "conmed.nonBenzoSedativeHypnotics": false, "conmed.psychostimulants": false,
    "conmed.maois": false, "conmed.opioids": false, "monitoringHcp.firstName": "Nora", "monitoringHcp.lastName": "Bishop", "monitoringHcp.telephone": "518-555-0141",
    "monitoringHcp.email": "nurse@example.com", "site.name": "Bench clinic", "site.address1": "1 Main St", "site.address2": "", "site.city": "Hudson", "site.state": "NY",
    "site.zip": "12534", treatmentDate: "03/06/2026", doseAdministered: "84 mg", lotNumber: "24A118", totalMonitoringMinutes: 120 + (i % 30), readyToLeaveMinutes: 90,
    vitalsAcceptablePreAdministration: true, vitalsAcceptablePreCompletion: true, "bp.preAdministration": "128/80", "bp.post40min": "146/88", "bp.preCompletion": "126/80",
    "sedation.occurred": true, "sedation.resolvedBeforeCompletion": true, "dissociation.occurred": false, "dissociation.resolvedBeforeCompletion": null,
    "respiratoryDepression.occurred": false, "pulseOximetry.monitored": true, "seriousAdverseEvent.occurred": false, protocolDeviations: [],
  });
  for (let start = 0; start < N; start += 1000) {
    const count = Math.min(1000, N - start);
    const ids = Array.from({ length: count }, (_, k) => `bench-s-${start + k}`);
    await db().treatmentSession.createMany({ data: ids.map((id, k) => ({ id, patientId: patient.id, siteId: site.id, status: "DISCHARGED" as const, treatmentDate: new Date(`2026-03-${String(1 + ((start + k) % 28)).padStart(2, "0")}T00:00:00Z`) })) });
    await db().patientMonitoringForm.createMany({ data: ids.map((sessionId, k) => ({ sessionId, formVersion: "current-2024", status: "SUBMITTED" as const, dueDate: new Date("2026-03-20"), fields: fields(start + k), submittedAt: new Date(), channel: "ONLINE" as const, confirmation: `PMF-${start + k}` })) });
  }
  await asOwner(`ANALYZE`); // only the owner may ANALYZE (the app role reads and writes rows)
  return site.id;
}

async function appExport(siteId: string) {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
  const t = performance.now();
  let bytes = 0;
  const reader = pmfCsvStream({ siteId, from: "2026-03-01", to: "2026-03-31" }).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength; // a real response writes the chunk to the socket and forgets it
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const ms = performance.now() - t;
  clearInterval(timer);
  return { ms, bytes, growthMb: (peak - baseline) / 1024 / 1024 };
}

async function plainSqlExport(siteId: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const t = performance.now();
  const res = await client.query({ rowMode: "array", text: `SELECT f."sessionId", f."formVersion", f.status, f."dueDate", f."submittedAt", f.channel, f.confirmation, f.fields::text
    FROM "PatientMonitoringForm" f JOIN "TreatmentSession" s ON s.id = f."sessionId" WHERE s."siteId" = $1 AND s."treatmentDate" BETWEEN '2026-03-01' AND '2026-03-31' ORDER BY f.id`, values: [siteId] });
  let bytes = 0;
  for (const row of res.rows as unknown[][]) bytes += row.join(",").length + 2;
  const ms = performance.now() - t;
  await client.end();
  return { ms, bytes, rows: res.rowCount };
}

const siteId = await seed();
console.log(`Inserted ${N} Patient Monitoring Forms.`);
const cold = await appExport(siteId); // first run: its time is not counted (JIT, plan cache), its memory is
await plainSqlExport(siteId);
const runs = 3;
const app: Awaited<ReturnType<typeof appExport>>[] = [];
const sql: Awaited<ReturnType<typeof plainSqlExport>>[] = [];
for (let i = 0; i < runs; i++) { app.push(await appExport(siteId)); sql.push(await plainSqlExport(siteId)); }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const appMs = median(app.map((r) => r.ms)), sqlMs = median(sql.map((r) => r.ms));
const growth = Math.max(cold.growthMb, ...app.map((r) => r.growthMb));
console.log(`\nPMF CSV export of ${N} forms (median of ${runs} runs)`);
console.log(`  application export  ${appMs.toFixed(0)} ms, ${(app[0].bytes / 1024 / 1024).toFixed(1)} MB of CSV`);
console.log(`  plain SQL export    ${sqlMs.toFixed(0)} ms (${sql[0].rows} rows)`);
console.log(`  ratio               ${(appMs / sqlMs).toFixed(2)}× (target ≤ 2×)`);
console.log(`  peak memory growth  ${growth.toFixed(1)} MB RSS during the export, first run included (target ≤ 150 MB)`);
await db().$disconnect();
