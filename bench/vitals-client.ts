// The nurse-side of the vitals load, shared by `npm run bench:vitals` (bench/vitals-load.ts) and the
// cluster check (bench/cluster-check.ts): seed sessions and nurse accounts, sign in over HTTP, record
// vitals in a closed loop, and reconcile what the server acknowledged with the rows in the database.
import { randomBytes } from "node:crypto";
import { db } from "../lib/db/client";

export async function seedLoad(nurseCount: number, sessionCount: number) {
  const site = await db().site.findUniqueOrThrow({ where: { code: "OUT-A" }, include: { chairs: true } });
  const template = await db().user.findUniqueOrThrow({ where: { email: "nurse@example.com" } });
  const psych = await db().user.findUniqueOrThrow({ where: { email: "psych@example.com" } });
  const nurses: string[] = [];
  for (let i = 0; i < nurseCount; i++) {
    const email = `bench-nurse-${i}@example.com`;
    await db().user.upsert({
      where: { email },
      update: {},
      create: { email, firstName: "Bench", lastName: `Nurse ${i}`, role: "NURSE", passwordHash: template.passwordHash, sites: { create: { siteId: site.id } } },
    });
    nurses.push(email);
  }
  const lot = await db().inventoryLot.create({
    data: {
      siteId: site.id,
      ndc: "50458-028-03",
      lotNumber: `BENCH-${Date.now()}`,
      expiresOn: new Date("2030-01-01"),
      receivedAt: new Date(),
      supplier: "Bench",
      receivedById: psych.id,
      deviceCount: sessionCount,
    },
  });
  const sessions: string[] = [];
  const t0 = new Date(Date.now() - 20 * 60_000);
  for (let i = 0; i < sessionCount; i++) {
    const patient = await db().patient.create({
      data: {
        siteId: site.id,
        mrn: `BENCH-${Date.now()}-${i}`,
        firstName: "Load",
        lastName: `Patient ${i}`,
        birthDate: new Date("1980-01-01"),
        sex: "OTHER",
        indication: "TRD",
      },
    });
    const device = await db().device.create({ data: { lotId: lot.id, serial: `${lot.lotNumber}-${i}`, status: "ADMINISTERED" } });
    const s = await db().treatmentSession.create({
      data: {
        patientId: patient.id,
        siteId: site.id,
        status: "MONITORING",
        indication: "TRD",
        plannedDoseMg: 28,
        otherDoseReason: "bench",
        prescriberOnSiteId: psych.id,
        monitoringHcpId: template.id,
        treatmentDate: new Date(new Date().toISOString().slice(0, 10)),
        checkedInAt: t0,
      },
    });
    await db().deviceAdministration.create({ data: { sessionId: s.id, sequence: 1, administeredAt: t0, deviceId: device.id, recordedById: template.id } });
    sessions.push(s.id);
  }
  return { nurses, sessions };
}

export function cookieJar() {
  const jar = new Map<string, string>();
  return {
    take(res: Response) {
      for (const c of res.headers.getSetCookie()) {
        const [kv] = c.split(";");
        const i = kv.indexOf("=");
        jar.set(kv.slice(0, i), kv.slice(i + 1));
      }
    },
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    has: (name: string) => [...jar.keys()].some((k) => k.endsWith(name)),
  };
}
export type CookieJar = ReturnType<typeof cookieJar>;

export const DEMO_PASSWORD = "Demo-pass-2026";

/** One sign-in through next-auth's credentials callback; `ok` when a session cookie came back. */
export async function trySignIn(base: string, email: string, password = DEMO_PASSWORD) {
  const jar = cookieJar();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  jar.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  await res.arrayBuffer();
  jar.take(res);
  return { ok: jar.has("session-token"), jar, status: res.status, instance: res.headers.get("x-instance") };
}

export async function signIn(base: string, email: string) {
  const r = await trySignIn(base, email);
  if (!r.ok) throw new Error(`sign-in failed for ${email}: ${r.status}`);
  return r.jar.header();
}

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type LoadResult = {
  latencies: number[];
  acked: Set<string>;
  /** Final answers by status (a submission retried after a failure counts once, with its last answer). */
  statuses: Map<number, number>;
  /** Submissions sent a second time on purpose, as a tablet does when an answer is lost. */
  retries: number;
  /** Attempts that failed in transit (connection error, or 502/503/504 from a proxy) and were sent again with the same key. */
  failedAttempts: number;
  /** First submissions whose attempt failed in transit after the server had saved it: the next attempt got the saved answer. */
  replayedAfterFailure: number;
  /** Submissions never answered after every attempt. */
  gaveUp: number;
  /** 5xx answers that came from the app itself (not a proxy's 502/503/504 for a dead server). */
  appErrors: number;
  /** Answers per app server (its x-instance header), behind a load balancer. */
  byInstance: Map<string, number>;
};

/**
 * Each nurse records vitals until `seconds` have passed: think time, a random active session, a new
 * Idempotency-Key per submission. A share of submissions is sent twice on purpose; an attempt that fails
 * in transit is sent again with the same key until it is answered (up to `maxAttempts`).
 */
export async function runVitalsLoad(o: {
  base: string;
  cookies: string[];
  sessions: string[];
  seconds: number;
  retryShare: number;
  thinkMs: number;
  maxAttempts?: number;
}): Promise<LoadResult> {
  const r: LoadResult = {
    latencies: [],
    acked: new Set(),
    statuses: new Map(),
    retries: 0,
    failedAttempts: 0,
    replayedAfterFailure: 0,
    gaveUp: 0,
    appErrors: 0,
    byInstance: new Map(),
  };
  const maxAttempts = o.maxAttempts ?? 20;
  const end = Date.now() + o.seconds * 1000;
  const send = async (cookie: string, sessionId: string, key: string, body: string, first: boolean) => {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const t = performance.now();
      try {
        const res = await fetch(`${o.base}/api/sessions/${sessionId}/vitals`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie, "idempotency-key": key },
          body,
        });
        await res.arrayBuffer();
        const fromProxy = [502, 503, 504].includes(res.status) && !res.headers.get("x-instance");
        if (!fromProxy) {
          r.latencies.push(performance.now() - t);
          r.statuses.set(res.status, (r.statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) r.appErrors++;
          const who = res.headers.get("x-instance") ?? "-";
          r.byInstance.set(who, (r.byInstance.get(who) ?? 0) + 1);
          if (res.ok) r.acked.add(key);
          if (first && attempt > 1 && res.headers.get("idempotent-replayed") === "true") r.replayedAfterFailure++;
          return;
        }
      } catch {
        /* connection lost: send again */
      }
      r.failedAttempts++;
      await sleep(Math.min(1000, 100 * attempt));
    }
    r.gaveUp++;
  };
  await Promise.all(
    o.cookies.map(async (cookie, i) => {
      await sleep(Math.random() * o.thinkMs);
      while (Date.now() < end) {
        const sessionId = o.sessions[(i + Math.floor(Math.random() * o.sessions.length)) % o.sessions.length];
        const key = randomBytes(12).toString("hex");
        const body = JSON.stringify({
          systolic: 110 + Math.floor(Math.random() * 60),
          diastolic: 65 + Math.floor(Math.random() * 25),
          heartRate: 60 + Math.floor(Math.random() * 40),
          spo2: 94 + Math.floor(Math.random() * 6),
        });
        await send(cookie, sessionId, key, body, true);
        if (Math.random() < o.retryShare) {
          r.retries++;
          await send(cookie, sessionId, key, body, false);
        }
        await sleep(o.thinkMs * (0.5 + Math.random()));
      }
    }),
  );
  return r;
}

/**
 * Rows against answers. A key's row is the vital its remembered answer names (lib/db/idempotency);
 * a vital no key names is a duplicate (or a write nobody was told about).
 */
export async function reconcileVitals(sessions: string[], acked: Set<string>) {
  const rowIds = new Set((await db().observationVital.findMany({ where: { sessionId: { in: sessions } }, select: { id: true } })).map((r) => r.id));
  const records = await db().idempotencyRecord.findMany({ where: { route: "POST /api/sessions/[id]/vitals" }, select: { key: true, responseBody: true } });
  const named = records
    .map((r) => ({ key: r.key, id: (r.responseBody as { data?: { result?: { id?: string } } } | null)?.data?.result?.id ?? "" }))
    .filter((r) => rowIds.has(r.id));
  const rowKeys = named.map((r) => r.key);
  const rowKeySet = new Set(rowKeys);
  const namedRows = new Set(named.map((r) => r.id));
  return {
    rows: rowIds.size,
    keyedRows: rowKeys.length,
    lost: [...acked].filter((k) => !rowKeySet.has(k)).length,
    duplicated: rowKeys.length - rowKeySet.size + [...rowIds].filter((id) => !namedRows.has(id)).length,
    unacknowledged: rowKeys.filter((k) => !acked.has(k)).length,
  };
}
