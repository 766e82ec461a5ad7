// Two `next start` instances of one build on one database (DATABASE_URL set, migrated), HAProxy in front with health
// checks: the clinic network on one machine. Used by scripts/cluster.ts (npm run cluster, cluster:check) and by
// bench:vitals with BENCH_INSTANCES=2.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Instance = { id: string; port: number; proc?: ChildProcess };
export type Cluster = {
  url: string;
  statsUrl: string;
  instances: Instance[];
  haproxyPid: number;
  start(i: Instance): Promise<void>;
  kill9(i: Instance): void;
  stop(): void;
  /** A server's status as HAProxy's health checks see it (UP, DOWN, …). */
  status(id: string): Promise<string>;
};

async function waitFor(url: string, ok: (r: Response) => boolean, seconds: number) {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; await sleep(250)) {
    try {
      if (ok(await fetch(url))) return;
    } catch {
      /* not up yet */
    }
  }
  throw new Error(`${url} did not answer in ${seconds} s`);
}

function haproxyConfig(instances: Instance[], proxyPort: number, statsPort: number) {
  return `# Written by scripts/cluster.ts; a production example is in the README ("Clinic network").
global
  maxconn 4096
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # A slow answer under load is not a dead server: allow 5 s per check and three failures before DOWN.
  timeout check 5s
  # A request whose connection to a server failed goes to another server; one already sent is not re-sent
  # (the client retries it with the same Idempotency-Key).
  retries 3
  option redispatch 1
  option forwardfor
frontend web
  bind 127.0.0.1:${proxyPort}
  default_backend app
backend app
  balance roundrobin
  option httpchk
  http-check send meth GET uri /api/health
  http-check expect status 200
  default-server inter 2s fastinter 500ms downinter 1s fall 3 rise 2
${instances.map((i) => `  server ${i.id} 127.0.0.1:${i.port} check`).join("\n")}
frontend stats
  bind 127.0.0.1:${statsPort}
  stats enable
  stats uri /
  stats refresh 5s
`;
}

/**
 * Starts the proxy on `port`, the app servers on port + 1 and + 2 and HAProxy's stats page on port + 3; logs and
 * HAProxy's configuration go to `runDir`. Every instance gets this process's environment (the shared secrets).
 */
export async function startCluster({ port, runDir }: { port: number; runDir: string }): Promise<Cluster> {
  fs.mkdirSync(runDir, { recursive: true });
  const instances: Instance[] = [1, 2].map((n) => ({ id: `app${n}`, port: port + n }));
  const statsPort = port + 3;
  const url = `http://127.0.0.1:${port}`;
  const next = path.resolve("node_modules/.bin/next");

  const start = async (i: Instance) => {
    const out = fs.openSync(path.join(runDir, `${i.id}.log`), "a");
    // Every instance: the same build, DATABASE_URL, NEXTAUTH_SECRET and NEXTAUTH_URL (the proxy's address).
    i.proc = spawn(next, ["start", "-H", "127.0.0.1", "-p", String(i.port)], {
      stdio: ["ignore", out, out],
      detached: true,
      env: { ...process.env, INSTANCE_ID: i.id, NEXTAUTH_URL: url },
    });
    await waitFor(`http://127.0.0.1:${i.port}/api/health`, (r) => r.status === 200, 120);
  };
  const kill = (i: Instance, signal: NodeJS.Signals) => {
    try {
      if (i.proc?.pid) process.kill(-i.proc.pid, signal);
    } catch {
      /* gone */
    }
  };

  const cfg = path.join(runDir, "haproxy.cfg");
  fs.writeFileSync(cfg, haproxyConfig(instances, port, statsPort));
  const check = spawn("haproxy", ["-c", "-q", "-f", cfg], { stdio: "inherit" });
  if ((await new Promise((r) => check.on("exit", r))) !== 0) throw new Error(`haproxy rejected ${cfg}`);

  await Promise.all(instances.map(start));
  const hapLog = fs.openSync(path.join(runDir, "haproxy.log"), "a"); // server UP/DOWN events
  const hap = spawn("haproxy", ["-db", "-f", cfg], { stdio: ["ignore", hapLog, hapLog], detached: true });
  const stop = () => {
    for (const i of instances) kill(i, "SIGTERM");
    try {
      process.kill(-hap.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
  };
  // HAProxy sends traffic once each server passed its health check (rise 2).
  await waitFor(`http://127.0.0.1:${statsPort}/;csv`, () => true, 20);
  for (const end = Date.now() + 30_000; ; await sleep(250)) {
    const csv = await (await fetch(`http://127.0.0.1:${statsPort}/;csv`)).text();
    if (instances.every((i) => new RegExp(`^app,${i.id},(?:[^,]*,){15}UP`, "m").test(csv))) break;
    if (Date.now() > end) {
      stop();
      throw new Error("HAProxy did not mark both servers UP");
    }
  }
  const status = async (id: string) => {
    const csv = await (await fetch(`http://127.0.0.1:${statsPort}/;csv`)).text();
    return (
      csv
        .split("\n")
        .find((l) => l.startsWith(`app,${id},`))
        ?.split(",")[17] ?? "?"
    );
  };
  return { url, statsUrl: `http://127.0.0.1:${statsPort}/`, instances, haproxyPid: hap.pid!, start, kill9: (i) => kill(i, "SIGKILL"), stop, status };
}
