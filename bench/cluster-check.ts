// npm run cluster:check — what several app servers on one database must get right, checked through HAProxy
// (scripts/cluster.sh starts the cluster on a throwaway database and calls runClusterChecks). Prints PASS or
// FAIL per check; the caller exits 1 when any failed.
import { db } from "../lib/db/client";
import type { Cluster } from "../scripts/cluster-servers";
import { cookieJar, DEMO_PASSWORD, pct, reconcileVitals, runVitalsLoad, seedLoad, signIn, sleep, trySignIn } from "./vitals-client";

const NURSES = Number(process.env.CLUSTER_LOAD_NURSES ?? 50);
const SECONDS = Number(process.env.CLUSTER_LOAD_SECONDS ?? 30);
const SESSIONS = Number(process.env.CLUSTER_LOAD_SESSIONS ?? 60);

export async function runClusterChecks(c: Cluster): Promise<number> {
  const t0 = Date.now();
  let failures = 0;
  const check = (name: string, pass: boolean, detail: string) => {
    if (!pass) failures++;
    console.log(`${pass ? "PASS" : "FAIL"}  ${name}\n      ${detail}`);
  };
  const get = async (path: string, cookie?: string) => {
    const res = await fetch(`${c.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    const body = await res.text();
    return { status: res.status, instance: res.headers.get("x-instance") ?? "-", headers: res.headers, body };
  };
  const [a, b] = c.instances;
  console.log(`\nCluster checks through HAProxy ${c.url} (${c.instances.map((i) => i.id).join(", ")})\n`);

  // 1. Health, without sign-in.
  {
    const h = await get("/api/health");
    const json = JSON.parse(h.body) as { status: string; migrations?: { expected: number; applied: number } };
    check(
      "GET /api/health answers 200 without sign-in, not cached, migrations current",
      h.status === 200 &&
        json.status === "ok" &&
        /no-store/.test(h.headers.get("cache-control") ?? "") &&
        json.migrations?.applied === json.migrations?.expected,
      `${h.status} ${h.body}; cache-control: ${h.headers.get("cache-control")}`,
    );
  }

  // 2. Round robin.
  {
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) seen.push((await get("/api/health")).instance);
    const alternates = seen.every((x, i) => i === 0 || x !== seen[i - 1]) && new Set(seen).size === 2;
    check("requests alternate between the two instances", alternates, `x-instance of 10 requests: ${seen.join(" ")}`);
  }

  // 3. One sign-in holds on both instances.
  let cookie = "";
  {
    cookie = await signIn(c.url, "nurse@example.com");
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await get("/api/board", cookie));
    check(
      "a session signed in through one instance holds on both",
      answers.every((r) => r.status === 200) && new Set(answers.map((r) => r.instance)).size === 2,
      answers.map((r) => `${r.instance}→${r.status}`).join(" "),
    );
  }

  // 4. Sign-out through one instance ends the session on the other.
  {
    const jar = cookieJar();
    const csrf = await fetch(`${c.url}/api/auth/csrf`, { headers: { cookie } });
    jar.take(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const out = await fetch(`${c.url}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${cookie}; ${jar.header()}` },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    await out.arrayBuffer();
    const signedOutOn = out.headers.get("x-instance") ?? "-";
    const after = [await get("/api/board", cookie), await get("/api/board", cookie)];
    const user = await db().user.findUniqueOrThrow({ where: { email: "nurse@example.com" } });
    const row = await db().authSession.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "desc" } });
    check(
      "sign-out through one instance is refused by the other (the server-side session is revoked)",
      after.every((r) => r.status === 401) && after.some((r) => r.instance !== signedOutOn) && !!row?.revokedAt,
      `signed out on ${signedOutOn} (${out.status}); the same cookie afterwards: ${after.map((r) => `${r.instance}→${r.status}`).join(" ")}; AuthSession.revokedAt ${row?.revokedAt?.toISOString() ?? "null"} (${row?.revokedReason})`,
    );
  }

  // 5. Five wrong passwords spread over both instances lock the account on both.
  {
    const email = "nurse2@example.com";
    const wrong: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await trySignIn(c.url, email, "not-the-password");
      wrong.push(`${r.instance}:${r.ok ? "signed in!" : "refused"}`);
      await get("/api/health"); // shifts the round robin, so the next attempt's POST lands on the other instance
    }
    const right: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await trySignIn(c.url, email, DEMO_PASSWORD);
      right.push(`${r.instance}:${r.ok ? "signed in" : "refused"}`);
      await get("/api/health");
    }
    const throttle = await db().loginThrottle.findUnique({ where: { accountKey: email } });
    const instances = new Set(wrong.map((w) => w.split(":")[0]));
    check(
      "five wrong passwords spread over both instances lock the account on both",
      instances.size === 2 &&
        wrong.every((w) => w.endsWith("refused")) &&
        right.every((w) => w.endsWith("refused")) &&
        new Set(right.map((w) => w.split(":")[0])).size === 2 &&
        (throttle?.failures ?? 0) >= 5 &&
        !!throttle?.lockedUntil &&
        throttle.lockedUntil > new Date(),
      `wrong: ${wrong.join(" ")}; then the right password: ${right.join(" ")}; LoginThrottle failures ${throttle?.failures}, locked until ${throttle?.lockedUntil?.toISOString()}`,
    );
  }

  // 6. The vitals load with kill -9 of one instance in the middle.
  {
    const { nurses, sessions } = await seedLoad(NURSES, SESSIONS);
    const cookies = await Promise.all(nurses.map((n) => signIn(c.url, n)));
    const events: string[] = [];
    const start = Date.now();
    const at = () => `${((Date.now() - start) / 1000).toFixed(1)} s`;
    const load = runVitalsLoad({ base: c.url, cookies, sessions, seconds: SECONDS, retryShare: 0.3, thinkMs: 1000 });
    await sleep(SECONDS * 330);
    c.kill9(b);
    events.push(`kill -9 ${b.id} at ${at()}`);
    for (let i = 0; i < 40 && (await c.status(b.id)) !== "DOWN"; i++) await sleep(250);
    events.push(`HAProxy: ${b.id} ${await c.status(b.id)} at ${at()}`);
    await sleep(Math.max(0, start + SECONDS * 600 - Date.now()));
    events.push(`restarting ${b.id} at ${at()}`);
    await c.start(b);
    for (let i = 0; i < 40 && !(await c.status(b.id)).startsWith("UP"); i++) await sleep(250);
    events.push(`HAProxy: ${b.id} ${await c.status(b.id)} at ${at()}`);
    const r = await load;
    const rec = await reconcileVitals(sessions, r.acked);
    const afterwards = [];
    for (let i = 0; i < 4; i++) afterwards.push((await get("/api/health")).instance);
    const total = r.latencies.length;
    console.log(`      load: ${NURSES} nurses, ${SECONDS} s, ${SESSIONS} sessions; ${events.join("; ")}`);
    console.log(
      `      ${total} answers (${(total / SECONDS).toFixed(1)}/s), by instance ${JSON.stringify(Object.fromEntries(r.byInstance))}, statuses ${JSON.stringify(Object.fromEntries(r.statuses))}, ${r.retries} sent twice on purpose`,
    );
    console.log(
      `      ${r.failedAttempts} attempts failed in transit (HAProxy 502/503 or connection lost) and were sent again with the same key (${r.replayedAfterFailure} of them had been saved before the failure and were answered from the idempotency record); never answered ${r.gaveUp}`,
    );
    console.log(
      `      latency p50 ${pct(r.latencies, 50).toFixed(0)} ms, p95 ${pct(r.latencies, 95).toFixed(0)} ms, max ${Math.max(...r.latencies).toFixed(0)} ms`,
    );
    check(
      `kill -9 of ${b.id} during the ${NURSES}-nurse vitals load loses nothing and duplicates nothing`,
      rec.lost === 0 && rec.duplicated === 0 && r.gaveUp === 0 && r.appErrors === 0 && rec.rows === r.acked.size && rec.unacknowledged === 0,
      `acknowledged ${r.acked.size}, vitals rows ${rec.rows}, lost ${rec.lost}, duplicated ${rec.duplicated}, rows never acknowledged ${rec.unacknowledged}, app 5xx ${r.appErrors}`,
    );
    check(
      `HAProxy takes the killed instance out and back in after its restart`,
      events.some((e) => e.includes(`${b.id} DOWN`)) && events.some((e) => e.includes(`${b.id} UP`)) && new Set(afterwards).size === 2,
      `${events.join("; ")}; x-instance afterwards: ${afterwards.join(" ")} (${a.id} served throughout)`,
    );
  }

  console.log(
    `\n${failures ? `${failures} check(s) FAILED` : "All checks passed"} in ${((Date.now() - t0) / 1000).toFixed(1)} s (cluster start-up not included).`,
  );
  await db().$disconnect();
  return failures;
}
