// Patient list at 100 000 patients (issue: foundation, point 8).
//   npm run bench:patients        (BENCH_PATIENTS=… to change the count)
// On its own throwaway database: inserts the patients at one site, ANALYZEs, then times the list's own
// data function (lib/patients/data.ts) for typical pages and searches, 20 runs each, and prints
// p50/p95 per case and the plan of a search, to show it uses the trigram index.
import { db } from "../lib/db/client";
import { asOwner } from "../lib/db/testing/owner";
import { listPatients } from "../lib/patients/data";

const N = Number(process.env.BENCH_PATIENTS ?? 100_000);
const RUNS = 20;
const LAST = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Hernandez",
  "Lopez",
  "Gonzalez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Taylor",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Perez",
  "Thompson",
  "White",
  "Harris",
  "Sanchez",
  "Clark",
  "Ramirez",
  "Lewis",
  "Robinson",
];
const FIRST = [
  "James",
  "Mary",
  "Robert",
  "Patricia",
  "John",
  "Jennifer",
  "Michael",
  "Linda",
  "David",
  "Elizabeth",
  "William",
  "Barbara",
  "Richard",
  "Susan",
  "Joseph",
  "Jessica",
  "Thomas",
  "Sarah",
  "Chris",
  "Karen",
];

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
const t = performance.now();
for (let start = 0; start < N; start += 5000) {
  await db().patient.createMany({
    data: Array.from({ length: Math.min(5000, N - start) }, (_, k) => {
      const i = start + k;
      return {
        siteId: site.id,
        mrn: `M-${String(i).padStart(6, "0")}`,
        firstName: FIRST[i % FIRST.length],
        lastName: `${LAST[(i * 7) % LAST.length]}${i % 97 === 0 ? "-Rivera" : ""}`,
        birthDate: new Date(Date.UTC(1940 + (i % 60), i % 12, 1 + (i % 28))),
        sex: (["MALE", "FEMALE", "OTHER"] as const)[i % 3],
      };
    }),
  });
}
await asOwner(`ANALYZE "Patient"`); // only the owner may ANALYZE (the app role reads and writes rows)
console.log(`Inserted ${N} patients in ${((performance.now() - t) / 1000).toFixed(1)} s.`);

const cases: [string, string | undefined, number][] = [
  ["page 1, no search", undefined, 1],
  ["page 50, no search", undefined, 50],
  ['search a common last-name fragment ("rivera", ~1 %)', "rivera", 1],
  ['search an exact MRN ("M-054321")', "M-054321", 1],
  ['search a first and last name ("james smi")', "james smi", 1],
  ['search with no match ("zzqx")', "zzqx", 1],
];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
console.log(`\nPatient list at ${N} patients (${RUNS} runs each; time of listPatients: count + page + row details)`);
for (const [label, q, page] of cases) {
  const times: number[] = [];
  let result: Awaited<ReturnType<typeof listPatients>> | undefined;
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    result = await listPatients([site.id], q, page);
    times.push(performance.now() - s);
  }
  console.log(
    `  ${label.padEnd(56)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms  p95 ${pct(times, 95).toFixed(1).padStart(6)} ms  (${result!.capped ? `>${result!.total - 1}` : result!.total} matches)`,
  );
}
const plan = await db().$queryRawUnsafe<
  { "QUERY PLAN": string }[]
>(`EXPLAIN SELECT p.id FROM "Patient" p WHERE p."siteId" = ANY(ARRAY['${site.id}']) AND p."archivedAt" IS NULL
  AND (lower(p."lastName" || ' ' || p."firstName") LIKE '%rivera%' OR lower(p."mrn") LIKE '%rivera%') ORDER BY p."lastName", p."firstName", p.id LIMIT 20`);
console.log(`\nPlan of the "rivera" search:\n${plan.map((r) => "  " + r["QUERY PLAN"]).join("\n")}`);
await db().$disconnect();
