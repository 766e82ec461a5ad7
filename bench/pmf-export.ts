// PMF CSV export benchmark (issue: administrator's REMS reports, point 8).
//   npm run bench:pmf-export      (10 000 then 100 000 forms; BENCH_FORMS=10000 for one size)
// On its own throwaway database: inserts the forms, then in the same run times (1) the application's
// streamed CSV export and (2) a plain SQL export of the same rows (one query, rows joined as CSV),
// and prints both times, their ratio (target ≤ 2×) and the export's peak memory growth (target ≤ 150 MB);
// then the combined PDF of the same forms as the route streams it (pages/s, peak memory: the bound must not grow with N).
// BENCH_PDF=0 skips the PDF (100 000 pages take a few minutes).
import pg from "pg";
import { db } from "../lib/db/client";
import { asOwner } from "../lib/db/testing/owner";
import { pmfCsvStream, pmfForms } from "../lib/pmf/export";
import { pmfPdfStream } from "../lib/pmf/pdf";
import { pmfFieldsCsv } from "../lib/pmf/fields-csv";

const SIZES = (process.env.BENCH_FORMS ?? "10000,100000").split(",").map(Number);

async function seed(N: number) {
  const site = await db().site.create({
    data: {
      code: `BENCH-${Date.now()}`,
      name: "Bench clinic",
      settingType: "OUTPATIENT",
      certificationStatus: "ACTIVE",
      address1: "1 Main St",
      city: "Hudson",
      state: "NY",
      zip: "12534",
    },
  });
  const fields = (i: number) => ({
    "patient.firstName": "Bench",
    "patient.middleInitial": "",
    "patient.lastName": i % 100 === 0 ? "=cmd|' /C calc'!A0" : `Patient ${i}`,
    "patient.birthDate": "01/01/1980",
    "patient.sex": "Other",
    isFirstTreatment: i === 0,
    isEnrolledInRems: true,
    "conmed.benzodiazepines": false,
    "conmed.nonBenzoSedativeHypnotics": false,
    "conmed.psychostimulants": false,
    "conmed.maois": false,
    "conmed.opioids": false,
    "monitoringHcp.firstName": "Nora",
    "monitoringHcp.lastName": "Bishop",
    "monitoringHcp.telephone": "518-555-0141",
    "monitoringHcp.email": "nurse@example.com",
    "site.name": "Bench clinic",
    "site.address1": "1 Main St",
    "site.address2": "",
    "site.city": "Hudson",
    "site.state": "NY",
    "site.zip": "12534",
    treatmentDate: "03/06/2026",
    doseAdministered: "84 mg",
    lotNumber: "24A118",
    totalMonitoringMinutes: 120 + (i % 30),
    readyToLeaveMinutes: 90,
    vitalsAcceptablePreAdministration: true,
    vitalsAcceptablePreCompletion: true,
    "bp.preAdministration": "128/80",
    "bp.post40min": "146/88",
    "bp.preCompletion": "126/80",
    "sedation.occurred": true,
    "sedation.resolvedBeforeCompletion": true,
    "dissociation.occurred": false,
    "dissociation.resolvedBeforeCompletion": null,
    "respiratoryDepression.occurred": false,
    "pulseOximetry.monitored": true,
    "seriousAdverseEvent.occurred": false,
    protocolDeviations: [],
  });
  // A fast generator in SQL (100 000 forms in seconds): one patient per 28 sessions (one session per patient and day).
  const patients = Math.ceil(N / 28);
  await db().$executeRawUnsafe(
    `INSERT INTO "Patient" (id, "siteId", mrn, "firstName", "lastName", "birthDate", sex, "updatedAt")
    SELECT $3::text || 'p-' || p, $1, $3::text || p, 'Bench', 'Patient ' || p, '1980-01-01', 'OTHER', now() FROM generate_series(0, $2::int - 1) p`,
    site.id,
    patients,
    `b${N}-`,
  );
  await db().$executeRawUnsafe(
    `INSERT INTO "TreatmentSession" (id, "patientId", "siteId", status, "treatmentDate", "updatedAt")
    SELECT $3::text || 's-' || i, $3::text || 'p-' || (i / 28), $1, 'DISCHARGED', make_date(2026, 3, 1 + i % 28), now() FROM generate_series(0, $2::int - 1) i`,
    site.id,
    N,
    `b${N}-`,
  );
  // Each form's fields and their CSV cells as the application's writers store them (lib/pmf/fields-csv.ts), 10 000 at a time.
  for (let start = 0; start < N; start += 10_000) {
    const idx = Array.from({ length: Math.min(10_000, N - start) }, (_, k) => start + k);
    await db().$executeRawUnsafe(
      `INSERT INTO "PatientMonitoringForm" (id, "sessionId", "siteId", "formVersion", status, "dueDate", fields, "fieldsCsv", "submittedAt", channel, confirmation)
      SELECT $1::text || 'f-' || lpad(i::text, 7, '0'), $1::text || 's-' || i, $5, 'current-2024', 'SUBMITTED', '2026-03-20', f::jsonb, csv, now(), 'ONLINE', 'PMF-' || i
      FROM unnest($2::int[], $3::text[], $4::text[]) AS t(i, f, csv)`,
      `b${N}-`,
      idx,
      idx.map((i) => JSON.stringify(fields(i))),
      idx.map((i) => pmfFieldsCsv(fields(i))),
      site.id,
    );
  }
  await asOwner(`ANALYZE`); // only the owner may ANALYZE (the app role reads and writes rows)
  return site.id;
}

const filterOf = (siteId: string) => ({ siteId, from: "2026-03-01", to: "2026-03-31" });

async function appExport(siteId: string, stream = (id: string) => pmfCsvStream(filterOf(id))) {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const t = performance.now();
  let bytes = 0;
  const reader = stream(siteId).getReader();
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
  const res = await client.query({
    rowMode: "array",
    text: `SELECT f."sessionId", f."formVersion", f.status, f."dueDate", f."submittedAt", f.channel, f.confirmation, f.fields::text
    FROM "PatientMonitoringForm" f JOIN "TreatmentSession" s ON s.id = f."sessionId" WHERE s."siteId" = $1 AND s."treatmentDate" BETWEEN '2026-03-01' AND '2026-03-31' ORDER BY f.id`,
    values: [siteId],
  });
  let bytes = 0;
  for (const row of res.rows as unknown[][]) bytes += row.join(",").length + 2;
  const ms = performance.now() - t;
  await client.end();
  return { ms, bytes, rows: res.rowCount };
}

for (const N of SIZES) {
  const siteId = await seed(N);
  console.log(`Inserted ${N} Patient Monitoring Forms.`);
  const cold = await appExport(siteId); // first run: its time is not counted (JIT, plan cache), its memory is
  await plainSqlExport(siteId);
  const runs = 3;
  const app: Awaited<ReturnType<typeof appExport>>[] = [];
  const sql: Awaited<ReturnType<typeof plainSqlExport>>[] = [];
  for (let i = 0; i < runs; i++) {
    app.push(await appExport(siteId));
    sql.push(await plainSqlExport(siteId));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const appMs = median(app.map((r) => r.ms)),
    sqlMs = median(sql.map((r) => r.ms));
  const growth = Math.max(cold.growthMb, ...app.map((r) => r.growthMb));
  console.log(`\nPMF CSV export of ${N} forms (median of ${runs} runs)`);
  console.log(`  application export  ${appMs.toFixed(0)} ms, ${(app[0].bytes / 1024 / 1024).toFixed(1)} MB of CSV`);
  console.log(`  plain SQL export    ${sqlMs.toFixed(0)} ms (${sql[0].rows} rows)`);
  console.log(`  ratio               ${(appMs / sqlMs).toFixed(2)}× (target ≤ 2×): ${appMs / sqlMs <= 2 ? "met" : "NOT met"}`);
  console.log(
    `  peak memory growth  ${growth.toFixed(1)} MB RSS during the export, first run included (target ≤ 150 MB): ${growth <= 150 ? "met" : "NOT met"}\n`,
  );
  if (process.env.BENCH_PDF !== "0") {
    // As the route streams it: forms read 200 at a time, one page each. Ten times during the run the live heap is
    // measured after a full GC (run with --expose-gc): RSS alone also counts garbage not yet collected.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    let pages = 0,
      liveGrowth = 0;
    async function* counted(id: string) {
      for await (const f of pmfForms(filterOf(id), 200)) {
        if (gc && ++pages % Math.ceil(N / 10) === 0) {
          gc();
          liveGrowth = Math.max(liveGrowth, (process.memoryUsage().heapUsed - heap0) / 1024 / 1024);
        }
        yield f;
      }
    }
    const pdf = await appExport(siteId, (id) => pmfPdfStream(counted(id)));
    console.log(`PMF PDF export of ${N} forms (one run)`);
    console.log(
      `  application export  ${(pdf.ms / 1000).toFixed(1)} s (${((N / pdf.ms) * 1000).toFixed(0)} pages/s), ${(pdf.bytes / 1024 / 1024).toFixed(1)} MB of PDF`,
    );
    console.log(
      `  peak memory growth  ${pdf.growthMb.toFixed(1)} MB RSS; live heap ${gc ? `+${liveGrowth.toFixed(1)} MB (${((liveGrowth * 1024 * 1024) / N).toFixed(0)} bytes per page: the page tree and cross-reference table one PDF must keep)` : "not measured (run with --expose-gc)"} (target ≤ 150 MB): ${pdf.growthMb <= 150 ? "met" : "NOT met"}\n`,
    );
  }
}
await db().$disconnect();
