// Started by scripts/cluster.sh under scripts/with-db.ts (DATABASE_URL set, the database migrated and seeded):
// two `next start` instances of one build on one database, HAProxy in front (scripts/cluster-servers.ts).
// `serve` waits for Ctrl-C; `check` runs bench/cluster-check.ts through the proxy and exits with its result.
import path from "node:path";
import { startCluster } from "./cluster-servers";

const dataDir = path.resolve(process.env.CLUSTER_DATA_DIR ?? ".data/cluster");
const log = (m: string) => console.error(`[cluster] ${m}`);

const mode = process.argv[2] ?? "serve";
{
  const t0 = Date.now();
  // The run folder is beside the PostgreSQL data dir, which belongs to user postgres.
  const cluster = await startCluster({ port: Number(process.env.CLUSTER_PORT ?? 3400), runDir: `${dataDir}-run` });
  let stopping = false;
  const shutdown = (code: number) => {
    if (stopping) return;
    stopping = true;
    cluster.stop();
    setTimeout(() => process.exit(code), 500);
  };
  for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(s, () => shutdown(130));
  log(`up in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${cluster.instances.map((i) => `${i.id} :${i.port}`).join(", ")}; HAProxy stats ${cluster.statsUrl}`);
  if (mode === "check") {
    const { runClusterChecks } = await import("../bench/cluster-check");
    let failed = 1;
    try {
      failed = await runClusterChecks(cluster);
    } catch (e) {
      console.error(e);
    }
    shutdown(failed ? 1 : 0);
  } else {
    console.log(`\nClinic network on one machine: ${cluster.url}  (Ctrl-C stops the proxy, both app servers and PostgreSQL)\n`);
    await new Promise(() => {});
  }
}
