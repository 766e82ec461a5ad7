// FHIR bulk export benchmark (issue 15: "bulk export streams 10 000 sessions within the export memory bound").
//   npm run bench:fhir-bulk      (10 000 sessions; BENCH_SESSIONS=… to change)
// On its own throwaway database: inserts sessions with two devices, four readings, MOAA/S and a discharge each,
// then streams the Observation and MedicationAdministration files as the route does and prints time, lines,
// bytes, peak RSS growth and the live heap's growth (after forced collections): memory is one batch, not the range.
// The run script caps the heap at 256 MB (Prisma's client itself needs more than 128 MB to seed).
import { db } from "../lib/db/client";
import { asOwner } from "../lib/db/testing/owner";
import { ndjsonStream } from "../lib/fhir/export";

const N = Number(process.env.BENCH_SESSIONS ?? 10_000);
const T0 = Date.UTC(2026, 2, 1, 14, 0);

async function seed() {
  const u = Date.now().toString(36);
  const site = await db().site.create({
    data: {
      code: `FB-${u}`,
      name: "Bench clinic",
      settingType: "OUTPATIENT",
      certificationStatus: "ACTIVE",
      address1: "1 Main St",
      city: "Hudson",
      state: "NY",
      zip: "12534",
    },
  });
  const nurse = await db().user.create({
    data: { email: `fb-nurse-${u}@bench.example`, firstName: "Nora", lastName: "Bench", role: "NURSE", passwordHash: "x" },
  });
  const psych = await db().user.create({
    data: { email: `fb-psych-${u}@bench.example`, firstName: "Priya", lastName: "Bench", role: "PSYCHIATRIST", passwordHash: "x" },
  });
  const lot = await db().inventoryLot.create({
    data: {
      siteId: site.id,
      ndc: "50458-028-02",
      lotNumber: `L${u}`,
      expiresOn: new Date("2030-01-01"),
      receivedAt: new Date(T0),
      supplier: "Bench",
      receivedById: psych.id,
      deviceCount: 2 * N,
    },
  });
  const patients = 500;
  await db().patient.createMany({
    data: Array.from({ length: patients }, (_, i) => ({
      id: `fb-p-${u}-${i}`,
      siteId: site.id,
      mrn: `FB-${i}`,
      firstName: "Bench",
      lastName: `Patient ${i}`,
      birthDate: new Date("1980-01-01"),
      sex: "OTHER" as const,
    })),
  });
  for (let start = 0; start < N; start += 1000) {
    const ks = Array.from({ length: Math.min(1000, N - start) }, (_, k) => start + k);
    const at = (k: number, min: number) => new Date(T0 + k * 3_600_000 + min * 60_000);
    await db().treatmentSession.createMany({
      data: ks.map((k) => ({
        id: `fb-s-${u}-${k}`,
        patientId: `fb-p-${u}-${k % patients}`,
        siteId: site.id,
        status: "DISCHARGED" as const,
        checkedInAt: at(k, -30),
        endOfMonitoringAt: at(k, 125),
        prescriberOnSiteId: psych.id,
        monitoringHcpId: nurse.id,
        plannedDoseMg: 56,
      })),
    });
    await db().device.createMany({
      data: ks.flatMap((k) => [0, 1].map((d) => ({ id: `fb-d-${u}-${k}-${d}`, lotId: lot.id, serial: `S${k}-${d}`, status: "ADMINISTERED" as const }))),
    });
    await db().deviceAdministration.createMany({
      data: ks.flatMap((k) =>
        [0, 1].map((d) => ({
          sessionId: `fb-s-${u}-${k}`,
          sequence: d + 1,
          administeredAt: at(k, d * 5),
          deviceId: `fb-d-${u}-${k}-${d}`,
          recordedById: nurse.id,
        })),
      ),
    });
    await db().observationVital.createMany({
      data: ks.flatMap((k) =>
        (
          [
            ["PRE_DOSE", -10],
            ["POST_40", 40],
            ["EXTRA", 90],
            ["PRE_COMPLETION", 115],
          ] as const
        ).map(([kind, m]) => ({
          sessionId: `fb-s-${u}-${k}`,
          takenAt: at(k, m),
          kind,
          systolic: 120 + (k % 30),
          diastolic: 80,
          heartRate: 76,
          spo2: 98,
          respiratoryRate: 14,
          recordedById: nurse.id,
        })),
      ),
    });
    await db().sedationAssessment.createMany({ data: ks.map((k) => ({ sessionId: `fb-s-${u}-${k}`, takenAt: at(k, 40), moaas: 4, recordedById: nurse.id })) });
    await db().dischargeDecision.createMany({
      data: ks.map((k) => ({ sessionId: `fb-s-${u}-${k}`, outcome: "DISCHARGED" as const, decidedAt: at(k, 125), hcpId: nurse.id, criteriaSnapshot: {} })),
    });
  }
  await asOwner(`ANALYZE`);
  return site.id;
}

const gc = (globalThis as { gc?: () => void }).gc;

async function stream(siteId: string, type: "Observation" | "MedicationAdministration") {
  gc?.();
  const baseline = process.memoryUsage().rss;
  const heapBase = process.memoryUsage().heapUsed;
  let peak = baseline,
    livePeak = heapBase,
    chunks = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const t = performance.now();
  let bytes = 0,
    lines = 0;
  const reader = ndjsonStream(siteId, new Date(T0 - 86_400_000), new Date(T0 + (N + 48) * 3_600_000), type).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength; // a real response writes the chunk to the socket and forgets it
    for (const b of value) if (b === 10) lines++;
    peak = Math.max(peak, process.memoryUsage().rss);
    // What the export really keeps: the heap after a collection (RSS also counts garbage V8 has not collected yet).
    if (gc && ++chunks % 5 === 0) {
      gc();
      livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
    }
  }
  clearInterval(timer);
  return {
    type,
    seconds: ((performance.now() - t) / 1000).toFixed(1),
    lines,
    mb: (bytes / 1024 / 1024).toFixed(1),
    rssGrowthMb: ((peak - baseline) / 1024 / 1024).toFixed(1),
    liveHeapGrowthMb: gc ? ((livePeak - heapBase) / 1024 / 1024).toFixed(1) : "run with --expose-gc",
  };
}

const t = performance.now();
const siteId = await seed();
console.log(`seeded ${N} sessions in ${((performance.now() - t) / 1000).toFixed(1)} s`);
for (const type of ["Observation", "MedicationAdministration"] as const) console.log(JSON.stringify(await stream(siteId, type)));
await db().$disconnect();
