// Load benchmark for chair-side vitals (issue: chair-side session, point 9).
//   npm run bench:vitals            (K=50 nurses, T=300 s, 30 % retries, N=60 sessions)
//   BENCH_SECONDS=30 npm run bench:vitals   (a quick run)
// Runs on its own throwaway database and server (.data/bench-vitals, PostgreSQL 54421, app 3300):
// seeds N active sessions and K nurse accounts, signs each nurse in over HTTP, then each nurse records
// vitals (closed loop with think time) for T seconds; a share of submissions is sent a second time with
// the same Idempotency-Key, as a tablet does when an answer is lost. Prints latency percentiles,
// throughput, errors, and the reconciliation of acknowledged submissions against rows in the database.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { db } from "../lib/db/client";

const K = Number(process.env.BENCH_NURSES ?? 50);
const T = Number(process.env.BENCH_SECONDS ?? 300);
const N = Number(process.env.BENCH_SESSIONS ?? 60);
const RETRY = Number(process.env.BENCH_RETRY_SHARE ?? 0.3);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const PORT = Number(process.env.BENCH_APP_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;

async function seedLoad() {
  const site = await db().site.findUniqueOrThrow({ where: { code: "OUT-A" }, include: { chairs: true } });
  const template = await db().user.findUniqueOrThrow({ where: { email: "nurse@example.com" } });
  const psych = await db().user.findUniqueOrThrow({ where: { email: "psych@example.com" } });
  const nurses: string[] = [];
  for (let i = 0; i < K; i++) {
    const email = `bench-nurse-${i}@example.com`;
    await db().user.upsert({ where: { email }, update: {}, create: { email, firstName: "Bench", lastName: `Nurse ${i}`, role: "NURSE", passwordHash: template.passwordHash, sites: { create: { siteId: site.id } } } });
    nurses.push(email);
  }
  const lot = await db().inventoryLot.create({ data: { siteId: site.id, ndc: "50458-028-03", lotNumber: `BENCH-${Date.now()}`, expiresOn: new Date("2030-01-01"), receivedAt: new Date(), supplier: "Bench", receivedById: psych.id, deviceCount: N } });
  const sessions: string[] = [];
  const t0 = new Date(Date.now() - 20 * 60_000);
  for (let i = 0; i < N; i++) {
    const patient = await db().patient.create({ data: { siteId: site.id, mrn: `BENCH-${Date.now()}-${i}`, firstName: "Load", lastName: `Patient ${i}`, birthDate: new Date("1980-01-01"), sex: "OTHER", indication: "TRD" } });
    const device = await db().device.create({ data: { lotId: lot.id, serial: `${lot.lotNumber}-${i}`, status: "ADMINISTERED" } });
    const s = await db().treatmentSession.create({ data: { patientId: patient.id, siteId: site.id, status: "MONITORING", indication: "TRD", plannedDoseMg: 28, otherDoseReason: "bench",
      prescriberOnSiteId: psych.id, monitoringHcpId: template.id, treatmentDate: new Date(new Date().toISOString().slice(0, 10)), checkedInAt: t0 } });
    await db().deviceAdministration.create({ data: { sessionId: s.id, sequence: 1, administeredAt: t0, deviceId: device.id, recordedById: template.id } });
    sessions.push(s.id);
  }
  return { nurses, sessions };
}

function cookieJar() {
  const jar = new Map<string, string>();
  return {
    take(res: Response) { for (const c of res.headers.getSetCookie()) { const [kv] = c.split(";"); const i = kv.indexOf("="); jar.set(kv.slice(0, i), kv.slice(i + 1)); } },
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
  };
}

async function signIn(email: string) {
  const jar = cookieJar();
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  jar.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ email, password: "Demo-pass-2026", csrfToken, json: "true" }),
  });
  jar.take(res);
  if (!jar.header().includes("session-token")) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return jar.header();
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN; };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try { if ((await fetch(`${BASE}/sign-in`)).ok) return; } catch { /* not up yet */ }
    await sleep(500);
  }
  throw new Error("app did not start");
}

async function main() {
  console.log(`Seeding ${N} active sessions and ${K} nurses…`);
  const { nurses, sessions } = await seedLoad();
  const app = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(PORT)], { stdio: ["ignore", "ignore", "inherit"], detached: true,
    env: { ...process.env, NEXTAUTH_SECRET: "bench-secret-0123456789abcdef", NEXTAUTH_URL: BASE, PG_POOL_MAX: process.env.PG_POOL_MAX ?? "10" } });
  try {
    await waitForServer();
    const cookies = await Promise.all(nurses.map(signIn));
    console.log(`Signed in ${cookies.length} nurses. Load: ${T} s, think time ${THINK_MS} ms, ${Math.round(RETRY * 100)} % of submissions sent twice.`);
    const latencies: number[] = [];
    const acked = new Set<string>();
    const statuses = new Map<number, number>();
    let retries = 0, networkErrors = 0;
    const end = Date.now() + T * 1000;
    const send = async (cookie: string, sessionId: string, key: string, body: string) => {
      const t = performance.now();
      try {
        const res = await fetch(`${BASE}/api/sessions/${sessionId}/vitals`, { method: "POST", headers: { "content-type": "application/json", cookie, "idempotency-key": key }, body });
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.ok) acked.add(key);
      } catch { networkErrors++; }
    };
    await Promise.all(cookies.map(async (cookie, i) => {
      await sleep(Math.random() * THINK_MS);
      while (Date.now() < end) {
        const sessionId = sessions[(i + Math.floor(Math.random() * sessions.length)) % sessions.length];
        const key = randomBytes(12).toString("hex");
        const body = JSON.stringify({ systolic: 110 + Math.floor(Math.random() * 60), diastolic: 65 + Math.floor(Math.random() * 25), heartRate: 60 + Math.floor(Math.random() * 40), spo2: 94 + Math.floor(Math.random() * 6) });
        await send(cookie, sessionId, key, body);
        if (Math.random() < RETRY) { retries++; await send(cookie, sessionId, key, body); }
        await sleep(THINK_MS * (0.5 + Math.random()));
      }
    }));
    // A key's row is the vital its remembered answer names (lib/db/idempotency).
    const rowIds = new Set((await db().observationVital.findMany({ where: { sessionId: { in: sessions } }, select: { id: true } })).map((r) => r.id));
    const records = await db().idempotencyRecord.findMany({ where: { route: "POST /api/sessions/[id]/vitals" }, select: { key: true, responseBody: true } });
    const rowKeys = records.filter((r) => rowIds.has((r.responseBody as { data?: { result?: { id?: string } } } | null)?.data?.result?.id ?? "")).map((r) => r.key);
    const rowKeySet = new Set(rowKeys);
    const lost = [...acked].filter((k) => !rowKeySet.has(k)).length;
    const duplicated = rowKeys.length - new Set(rowKeys).size;
    const unacknowledgedRows = rowKeys.filter((k) => !acked.has(k)).length;
    const serverErrors = [...statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
    const total = latencies.length;
    console.log(`\nVitals load benchmark — ${K} nurses, ${T} s, ${N} active sessions, ${retries} retried submissions`);
    console.log(`  requests        ${total} (${(total / T).toFixed(1)}/s), statuses ${JSON.stringify(Object.fromEntries(statuses))}, network errors ${networkErrors}`);
    console.log(`  latency (ms)    p50 ${pct(latencies, 50).toFixed(1)}  p95 ${pct(latencies, 95).toFixed(1)}  p99 ${pct(latencies, 99).toFixed(1)}  max ${Math.max(...latencies).toFixed(1)}`);
    console.log(`  reconciliation  acknowledged ${acked.size}, rows ${rowKeys.length}, lost ${lost}, duplicated ${duplicated}, rows never acknowledged ${unacknowledgedRows}`);
    console.log(`  server errors   ${serverErrors}`);
    const pass = lost === 0 && duplicated === 0 && serverErrors === 0 && pct(latencies, 95) <= 50;
    console.log(`  target (0 lost, 0 duplicated, 0 server errors, p95 ≤ 50 ms): ${pass ? "met" : "NOT met"}`);
  } finally {
    try { process.kill(-app.pid!, "SIGTERM"); } catch { /* already gone */ }
    await db().$disconnect();
  }
}

await main();
