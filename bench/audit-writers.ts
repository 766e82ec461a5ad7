// Audited writes at scale (issue 14 §2).   npm run bench:audit   (BENCH_AUDIT_SECONDS=… per level, default 8)
// On its own throwaway database: seeds 10 sites with 30 monitoring sessions each, then for 1, 8 and 50 concurrent
// writers records vitals for a fixed time through the application's command (lib/sessions recordVital: session
// lock, facts, R49 time check, the vital row, its audit row in the site's hash chain) and, in the same run, the
// same rows as raw SQL (BEGIN; lock the session row; INSERT the vital; INSERT an unchained audit row into a copy of the audit table; COMMIT) on as many connections,
// and once more with the audit row inserted into audit_commit.pending as the application does, so that PostgreSQL appends it to a
// hash chain of its own site at COMMIT (what the chained design costs in PostgreSQL alone, without Node.js and Prisma;
// its chains are verified at the end with the application's).
// Writer w works at site w mod 10 (a clinic network); a last row puts all 50 writers on one site (one chain).
// Each level starts on freshly seeded sessions and writers of a site take its sessions in turn, so a session holds a
// few dozen readings, as in a clinic (the command reads the session's readings for its alert rules: sessions that
// had collected hundreds of readings from earlier levels made later levels slower per write), and two writers
// share a session row only when a site has more writers than sessions.
// Prints writes/s for both, the ratio, and the target (≥ 50 % of raw at 50 writers) met or not.
import pg from "pg";
import { db } from "../lib/db/client";
import { recordVital } from "../lib/sessions/commands";
import { verifyAuditChain } from "../lib/audit/data";
import { benchVital, createRawAuditTable, rawChainedVitalWrite, rawChainRows, rawVitalWrite } from "./raw-writes";
import { INITIAL_REMS_EFFECTIVE_FROM } from "../lib/setup/first-run";

const SECONDS = Number(process.env.BENCH_AUDIT_SECONDS ?? 8);
const SITES = 10,
  PER_SITE = 30;

let seeds = 0;
async function seed(siteCount: number, perSite: number) {
  const tag = `${Date.now().toString(36)}${(seeds++).toString(36)}`;
  if (!(await db().remsParameterSet.count())) await db().remsParameterSet.create({ data: { effectiveFrom: INITIAL_REMS_EFFECTIVE_FROM, note: "bench" } });
  const psych = await db().user.create({
    data: { email: `aw-psych-${tag}@example.com`, firstName: "P", lastName: "Bench", role: "PSYCHIATRIST", passwordHash: "x" },
  });
  const nurse = await db().user.create({ data: { email: `aw-nurse-${tag}@example.com`, firstName: "N", lastName: "Bench", role: "NURSE", passwordHash: "x" } });
  const t0 = new Date(Date.now() - 20 * 60_000);
  const sites: { siteId: string; sessions: string[] }[] = [];
  for (let s = 0; s < siteCount; s++) {
    const site = await db().site.create({
      data: {
        code: `AW${s}-${tag}`.slice(0, 20),
        name: `Bench ${s}`,
        settingType: "OUTPATIENT",
        certificationStatus: "ACTIVE",
        address1: "1 Main St",
        city: "Hudson",
        state: "NY",
        zip: "12534",
      },
    });
    const lot = await db().inventoryLot.create({
      data: {
        siteId: site.id,
        ndc: "50458-028-03",
        lotNumber: `AW-${tag}-${s}`,
        expiresOn: new Date("2030-01-01"),
        receivedAt: new Date(),
        supplier: "Bench",
        receivedById: psych.id,
        deviceCount: perSite,
      },
    });
    const sessions: string[] = [];
    for (let i = 0; i < perSite; i++) {
      const patient = await db().patient.create({
        data: {
          siteId: site.id,
          mrn: `AW-${tag}-${s}-${i}`,
          firstName: "Load",
          lastName: `P${i}`,
          birthDate: new Date("1980-01-01"),
          sex: "OTHER",
          indication: "TRD",
        },
      });
      const device = await db().device.create({ data: { lotId: lot.id, serial: `${lot.lotNumber}-${i}`, status: "ADMINISTERED" } });
      const ses = await db().treatmentSession.create({
        data: {
          patientId: patient.id,
          siteId: site.id,
          status: "MONITORING",
          indication: "TRD",
          plannedDoseMg: 28,
          otherDoseReason: "bench",
          prescriberOnSiteId: psych.id,
          monitoringHcpId: nurse.id,
          treatmentDate: new Date(new Date().toISOString().slice(0, 10)),
          checkedInAt: t0,
        },
      });
      await db().deviceAdministration.create({ data: { sessionId: ses.id, sequence: 1, administeredAt: t0, deviceId: device.id, recordedById: nurse.id } });
      sessions.push(ses.id);
    }
    sites.push({ siteId: site.id, sessions });
  }
  return { actor: { id: nurse.id, email: nurse.email, role: "NURSE" }, sites };
}

type Seeded = Awaited<ReturnType<typeof seed>>;

/**
 * W writers for SECONDS, closed loop; writer w works at site w mod (number of sites) and takes its sessions in
 * turn with the site's other writers (the i-th of n writers of a site: sessions i, i + n, i + 2n, …).
 * Returns writes per second.
 */
async function run(writers: number, write: (siteId: string, sessionId: string) => Promise<void>, sites: Seeded["sites"]) {
  const end = Date.now() + SECONDS * 1000;
  const perSite = Math.ceil(writers / sites.length);
  let n = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      const { siteId, sessions } = sites[w % sites.length];
      const i = Math.floor(w / sites.length);
      for (let k = 0; Date.now() < end; k++) {
        await write(siteId, sessions[(i + k * perSite) % sessions.length]);
        n++;
      }
    }),
  );
  return n / SECONDS;
}

const warm = await seed(SITES, 6);
const { actor } = warm;
await createRawAuditTable();
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.PG_POOL_MAX ?? 10) }); // as many connections as the app's pool
const appWrite = async (_site: string, sessionId: string) => {
  await recordVital(actor, sessionId, benchVital());
};
const rawWrite = (siteId: string, sessionId: string) => rawVitalWrite(pool, actor, siteId, sessionId);
const rawChainedWrite = (siteId: string, sessionId: string) => rawChainedVitalWrite(pool, actor, siteId, sessionId);

console.log(
  `Audited vitals writes: ${SITES} sites × ${PER_SITE} monitoring sessions (one site: ${SITES * PER_SITE}), fresh for each level, ${SECONDS} s per level, app pool PG_POOL_MAX=${process.env.PG_POOL_MAX ?? 10}\n`,
);
console.log("  writers  sites  application (w/s)  raw SQL (w/s)  ratio  raw SQL, chained audit (w/s)  ratio  app Node CPU ms/write");
let ratioAt50 = 0;
for (const [writers, siteCount] of [
  [1, SITES],
  [8, SITES],
  [50, SITES],
  [50, 1],
] as const) {
  await run(Math.min(writers, 4), appWrite, warm.sites); // warm-up (JIT, plans, pool), on sessions of its own
  const { sites } = await seed(siteCount, siteCount === 1 ? SITES * PER_SITE : PER_SITE);
  const cpu0 = process.cpuUsage();
  const app = await run(writers, appWrite, sites);
  const cpu = process.cpuUsage(cpu0);
  const nodeMsPerWrite = (cpu.user + cpu.system) / 1000 / (app * SECONDS);
  const raw = await run(writers, rawWrite, sites);
  const rawChained = await run(writers, rawChainedWrite, sites);
  const label = String(siteCount);
  if (writers === 50 && siteCount === SITES) ratioAt50 = app / raw;
  const pctOf = (x: number) => `${((100 * app) / x).toFixed(0).padStart(4)} %`;
  console.log(
    `  ${String(writers).padStart(7)}  ${label.padStart(5)}  ${app.toFixed(0).padStart(17)}  ${raw.toFixed(0).padStart(13)}  ${pctOf(raw)}  ${rawChained.toFixed(0).padStart(28)}  ${pctOf(rawChained)}  ${nodeMsPerWrite.toFixed(2).padStart(21)}`,
  );
}
const report = await verifyAuditChain();
const raw = await rawChainRows(pool);
console.log(
  `\n  audit chains after the run: ${report.chains.length}, ${report.rows} rows (of which raw SQL: ${raw.chains} chains, ${raw.rows} rows), ${report.intact ? "intact" : "NOT INTACT"}`,
);
console.log(
  `  target (application ≥ 50 % of raw SQL at 50 writers over ${SITES} sites): ${(100 * ratioAt50).toFixed(0)} % — ${ratioAt50 >= 0.5 ? "met" : "NOT met"}`,
);
await pool.end();
await db().$disconnect();
