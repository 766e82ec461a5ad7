// Load benchmark for chair-side vitals (issue: chair-side session, point 9).
//   npm run bench:vitals            (K=50 nurses, T=300 s, 30 % retries, N=60 sessions)
//   BENCH_SECONDS=30 npm run bench:vitals   (a quick run)
//   BENCH_INSTANCES=2 npm run bench:vitals  (two app servers behind HAProxy on this machine, ports 3300–3303)
// Runs on its own throwaway database and server (.data/bench-vitals, PostgreSQL 54421, app 3300):
// seeds N active sessions and K nurse accounts, signs each nurse in over HTTP, then each nurse records
// vitals (closed loop with think time) for T seconds; a share of submissions is sent a second time with
// the same Idempotency-Key, as a tablet does when an answer is lost. Prints latency percentiles,
// throughput, errors, and the reconciliation of acknowledged submissions against rows in the database.
import { spawn } from "node:child_process";
import { db } from "../lib/db/client";
import pg from "pg";
import { pct, reconcileVitals, runVitalsLoad, seedLoad, signIn, sleep } from "./vitals-client";
import { createRawAuditTable, rawKeyedVitalWrite, rawVitalWrite, serverCpuMs } from "./raw-writes";
import { startCluster } from "../scripts/cluster-servers";

const K = Number(process.env.BENCH_NURSES ?? 50);
const T = Number(process.env.BENCH_SECONDS ?? 300);
const N = Number(process.env.BENCH_SESSIONS ?? 60);
const RETRY = Number(process.env.BENCH_RETRY_SHARE ?? 0.3);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const PORT = Number(process.env.BENCH_APP_PORT ?? 3300);
// 1: one `next start`; 2: two instances behind HAProxy on this machine (scripts/cluster-servers.ts), to use both cores.
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);

async function waitForServer(base: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/sign-in`)).ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(500);
  }
  throw new Error("app did not start");
}

/** The app server(s): their URL, the process groups whose CPU is the application's, HAProxy's pid, and how to stop them. */
async function startServers(): Promise<{ base: string; pgids: number[]; proxyPid: number | null; stop: () => void }> {
  Object.assign(process.env, { NEXTAUTH_SECRET: "bench-secret-0123456789abcdef", PG_POOL_MAX: process.env.PG_POOL_MAX ?? "10" });
  if (INSTANCES === 2) {
    const cluster = await startCluster({ port: PORT, runDir: `${process.env.PG_DATA_DIR}-run` });
    return { base: cluster.url, pgids: cluster.instances.map((i) => i.proc!.pid!), proxyPid: cluster.haproxyPid, stop: cluster.stop };
  }
  if (INSTANCES !== 1) throw new Error("BENCH_INSTANCES is 1 or 2");
  const base = `http://127.0.0.1:${PORT}`;
  // BENCH_SERVER_NODE_ARGS profiles the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (written when it stops)
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const app = spawn("node", [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: { ...process.env, NEXTAUTH_URL: base },
  });
  const stop = () => {
    try {
      process.kill(-app.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  try {
    await waitForServer(base);
  } catch (e) {
    stop();
    throw e;
  }
  return { base, pgids: [app.pid!], proxyPid: null, stop };
}

async function main() {
  console.log(`Seeding ${N} active sessions and ${K} nurses…`);
  const { nurses, sessions } = await seedLoad(K, N);
  const { base: BASE, pgids, proxyPid, stop } = await startServers();
  const proxyCpu = () => (proxyPid ? serverCpuMs([proxyPid]).node : 0);
  try {
    const cookies = await Promise.all(nurses.map((n) => signIn(BASE, n)));
    console.log(
      `Signed in ${cookies.length} nurses. Load: ${T} s, think time ${THINK_MS} ms, ${Math.round(RETRY * 100)} % of submissions sent twice; ${INSTANCES === 2 ? "two app servers behind HAProxy" : "one app server"}.`,
    );
    const cpu0 = serverCpuMs(pgids),
      proxy0 = proxyCpu();
    const { latencies, acked, statuses, retries, failedAttempts, gaveUp } = await runVitalsLoad({
      base: BASE,
      cookies,
      sessions,
      seconds: T,
      retryShare: RETRY,
      thinkMs: THINK_MS,
    });
    const cpu1 = serverCpuMs(pgids),
      proxyMs = proxyCpu() - proxy0;
    const { keyedRows, lost, duplicated, unacknowledged } = await reconcileVitals(sessions, acked);
    // The framework's floor in the same run: the same POST without a cookie is refused (401) before any query.
    const floorCpu0 = serverCpuMs(pgids).node;
    let floorN = 0;
    const floorEnd = Date.now() + 10_000;
    await Promise.all(
      cookies.map(async () => {
        for (; Date.now() < floorEnd; floorN++)
          await (
            await fetch(`${BASE}/api/sessions/${sessions[0]}/vitals`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } })
          ).arrayBuffer();
      }),
    );
    const floorNode = (serverCpuMs(pgids).node - floorCpu0) / floorN;
    // The writes as raw SQL in the same run (10 connections; CPU of PostgreSQL and of this client), two ways, alternated
    // in four rounds so that both see the same machine: the vital and an unchained audit row; and every row the app
    // writes for it (the Idempotency-Key's record, the vital, its audit row chained at COMMIT) — the target's comparison.
    await createRawAuditTable();
    const rawN = Math.min(acked.size, 5000);
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    const actor = await db().user.findUniqueOrThrow({ where: { email: nurses[0] }, select: { id: true, email: true, role: true } });
    const siteId = (await db().treatmentSession.findUniqueOrThrow({ where: { id: sessions[0] }, select: { siteId: true } })).siteId;
    const raws = { unchained: { write: rawVitalWrite, ms: 0, n: 0 }, keyed: { write: rawKeyedVitalWrite, ms: 0, n: 0 } };
    for (let round = 0; round < 4; round++)
      for (const raw of Object.values(raws)) {
        const n = Math.ceil(rawN / 4),
          pg0 = serverCpuMs([]).postgres,
          client0 = process.cpuUsage();
        let next = 0;
        await Promise.all(
          Array.from({ length: 10 }, async () => {
            for (let i = next++; i < n; i = next++) await raw.write(pool, actor, siteId, sessions[i % sessions.length]);
          }),
        );
        const client = process.cpuUsage(client0);
        raw.ms += serverCpuMs([]).postgres - pg0 + (client.user + client.system) / 1000;
        raw.n += n;
      }
    await pool.end();
    const writes = acked.size;
    const appNode = (cpu1.node - cpu0.node) / writes,
      appPg = (cpu1.postgres - cpu0.postgres) / writes,
      appProxy = proxyMs / writes,
      appCpu = appNode + appPg + appProxy;
    const rawUnchained = raws.unchained.ms / raws.unchained.n,
      rawKeyed = raws.keyed.ms / raws.keyed.n;
    const cpuRatio = appCpu / rawKeyed;
    const serverErrors = [...statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
    const total = latencies.length;
    console.log(
      `\nVitals load benchmark — ${K} nurses, ${T} s, ${N} active sessions, ${retries} retried submissions, ${INSTANCES === 2 ? "two app servers behind HAProxy" : "one app server"}`,
    );
    console.log(
      `  requests        ${total} (${(total / T).toFixed(1)}/s), statuses ${JSON.stringify(Object.fromEntries(statuses))}, attempts failed in transit and sent again ${failedAttempts}, never answered ${gaveUp}`,
    );
    console.log(
      `  latency (ms)    p50 ${pct(latencies, 50).toFixed(1)}  p95 ${pct(latencies, 95).toFixed(1)}  p99 ${pct(latencies, 99).toFixed(1)}  max ${Math.max(...latencies).toFixed(1)}`,
    );
    console.log(
      `  reconciliation  acknowledged ${acked.size}, rows ${keyedRows}, lost ${lost}, duplicated ${duplicated}, rows never acknowledged ${unacknowledged}`,
    );
    console.log(`  server errors   ${serverErrors}`);
    console.log(
      `  CPU per write   application ${appCpu.toFixed(1)} ms (Node ${appNode.toFixed(1)}, PostgreSQL ${appPg.toFixed(1)}${proxyPid ? `, HAProxy ${appProxy.toFixed(1)}` : ""}; per acknowledged write, its retries included)`,
    );
    console.log(
      `                  raw SQL, every row the app writes (Idempotency-Key record, vital, audit row chained at COMMIT): ${rawKeyed.toFixed(1)} ms (${raws.keyed.n} writes)`,
    );
    console.log(`                  ratio ${cpuRatio.toFixed(1)}× (target ≤ 5×): ${cpuRatio <= 5 ? "met" : "NOT met"}`);
    console.log(
      `                  for comparison, raw SQL writing the vital and an unchained audit row only (no Idempotency-Key record, no chain: not the same writes): ${rawUnchained.toFixed(1)} ms (${raws.unchained.n} writes); ratio ${(appCpu / rawUnchained).toFixed(1)}×`,
    );
    console.log(
      `  floor           a request refused before any query (401, ${floorN} in 10 s): Node ${floorNode.toFixed(1)} ms = ${(floorNode / rawKeyed).toFixed(1)}× the raw keyed write`,
    );
    const pass = lost === 0 && duplicated === 0 && serverErrors === 0 && pct(latencies, 95) <= 50;
    console.log(`  target (0 lost, 0 duplicated, 0 server errors, p95 ≤ 50 ms): ${pass ? "met" : "NOT met"}`);
  } finally {
    stop();
    await db().$disconnect();
  }
}

await main();
