// Patient import of a 10 000-row CSV (issue 11, point 6: under 30 s).
//   npm run bench:patient-import      (BENCH_ROWS=… to change the count)
// On its own throwaway database: a site with a psychiatrist, then the route's own steps — the dry run
// (previewPatientImport) and the all-or-nothing import (importPatients) — timed, with the progress
// lines the upload page shows. Exit code 1 when the total is 30 s or more.
import { db } from "../lib/db/client";
import { importPatients, previewPatientImport } from "../lib/patients/import";

const N = Number(process.env.BENCH_ROWS ?? 10_000);
const LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez"];
const FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth"];

if (!(await db().remsParameterSet.count())) await db().remsParameterSet.create({ data: { effectiveFrom: new Date("2019-03-05T00:00:00Z") } });
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
const admin = await db().user.create({
  data: {
    email: `bench-admin-${Date.now()}@example.com`,
    firstName: "Bench",
    lastName: "Admin",
    role: "ADMIN",
    passwordHash: "x",
    sites: { create: { siteId: site.id } },
  },
});
const psych = await db().user.create({
  data: {
    email: `bench-psych-${Date.now()}@example.com`,
    firstName: "Bench",
    lastName: "Psych",
    role: "PSYCHIATRIST",
    passwordHash: "x",
    sites: { create: { siteId: site.id } },
  },
});

const lines = [
  "mrn,first_name,last_name,birth_date,sex,indication,enrollment_patient_signed,enrollment_prescriber_signed,enrollment_submitted,enrollment_channel,enrollment_confirmation,prescriber_email",
];
for (let i = 0; i < N; i++) {
  const enrolled =
    i % 2 === 0 ? `2025-0${1 + (i % 9)}-10,2025-0${1 + (i % 9)}-10,2025-0${1 + (i % 9)}-11,${i % 4 ? "FAX" : "ONLINE"},R-${i},${psych.email}` : ",,,,,";
  lines.push(
    `M-${String(i).padStart(6, "0")},${FIRST[i % 10]},${LAST[(i * 7) % 10]},${1940 + (i % 60)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")},${["MALE", "FEMALE", "OTHER"][i % 3]},${i % 5 ? "TRD" : "MDSI"},${enrolled}`,
  );
}
const csv = lines.join("\n");
console.log(`CSV: ${N} rows, ${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(2)} MB`);

const t0 = performance.now();
const check = await previewPatientImport(site.id, csv);
const t1 = performance.now();
console.log(`Dry run: ${check.valid} ready, ${check.errorCount} problems in ${((t1 - t0) / 1000).toFixed(2)} s`);
const result = await importPatients({ id: admin.id, email: admin.email, role: admin.role }, site.id, csv, (done, total) => {
  if (done === total || done % 5000 === 0) console.log(`  progress ${done}/${total} at ${((performance.now() - t1) / 1000).toFixed(2)} s`);
});
const t2 = performance.now();
console.log(`Import: ${result.imported} patients, ${result.enrollments} enrollments in ${((t2 - t1) / 1000).toFixed(2)} s`);
const total = (t2 - t0) / 1000;
console.log(`Total (dry run + import, as the upload route does): ${total.toFixed(2)} s — target under 30 s: ${total < 30 ? "PASS" : "FAIL"}`);
await db().$disconnect();
process.exit(total < 30 && result.imported === N ? 0 : 1);
