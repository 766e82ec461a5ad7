// npm run db:restore [-- <file.tar.gz>] — puts a backup made by `npm run db:backup` in place of the embedded
// database (PG_DATA_DIR, default .data/pg; the newest backup in .data/backups when no file is named).
// The current data dir is kept beside it as <dir>.before-restore-<time>. Then PostgreSQL is started once to
// replay the backup's WAL, the audit trail's row count and head hash are compared with the backup's, and the
// whole hash chain is verified (scripts/audit-verify.ts).
// Refuses while an app or command is using the database (stop it first).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { chownTree, dataDir, pgctl, run, runningServer, superUrl } from "./embedded-pg";
import { DEFAULT_PG_PORT } from "../lib/db/adapter";
import { AUDIT_ROWS_AND_HEADS_SQL } from "../lib/audit/heads-sql";

const dir = dataDir();
const backups = path.resolve(".data", "backups");
const named =
  process.argv[2] ||
  (fs.existsSync(backups)
    ? fs
        .readdirSync(backups)
        .filter((f) => f.endsWith(".tar.gz"))
        .sort()
        .map((f) => path.join(backups, f))
        .at(-1)
    : undefined);
const file = named ? path.resolve(named) : "";
if (!file || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
  console.error(`No backup to restore (${file || "none in .data/backups"}).`);
  process.exit(2);
}
try {
  run("tar", ["-tzf", file], true);
} catch {
  console.error(`${file} is not a readable .tar.gz.`);
  process.exit(2);
}
const infoFile = file.replace(/\.tar\.gz$/, "") + ".json";
const info = fs.existsSync(infoFile) ? (JSON.parse(fs.readFileSync(infoFile, "utf8")) as { auditRows?: number; auditHead?: string | null }) : {};

const t0 = performance.now();
const server = runningServer(dir);
if (server) {
  const owner = Number(fs.existsSync(path.join(dir, "with-db.pid")) && fs.readFileSync(path.join(dir, "with-db.pid"), "utf8"));
  let ownerAlive = false;
  try {
    if (owner) {
      process.kill(owner, 0);
      ownerAlive = true;
    }
  } catch {
    /* gone */
  }
  if (ownerAlive) {
    console.error(`The database at ${dir} is in use (process ${owner}): stop the app or command first.`);
    process.exit(1);
  }
  pgctl(dir, "stop", "-m", "fast", "-w");
}
const aside = fs.existsSync(dir) ? `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}` : null;
if (aside) fs.renameSync(dir, aside);
fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
try {
  run("tar", ["-xzf", file, "-C", dir]);
} catch (e) {
  fs.rmSync(dir, { recursive: true, force: true });
  if (aside) fs.renameSync(aside, dir);
  throw e;
}
fs.chmodSync(dir, 0o700);
chownTree(dir);

// Start once: PostgreSQL finds backup_label, replays the WAL up to the end of the backup and beyond it
// as far as the copied WAL goes, and is consistent from then on.
const port = Number(process.env.PG_PORT || DEFAULT_PG_PORT);
if (pgctl(dir, "start", "-w", "-t", "120", "-l", path.join(dir, "server.log"), "-o", `-p ${port} -c listen_addresses=127.0.0.1 -k ''`) !== 0) {
  console.error(`PostgreSQL did not start on the restored data dir; see ${path.join(dir, "server.log")}.${aside ? ` The previous data dir is ${aside}.` : ""}`);
  process.exit(1);
}
let rows = 0,
  head: string | null = null;
try {
  const c = new pg.Client({ connectionString: superUrl(port) });
  await c.connect();
  const r = await c.query<{ rows: string; head: string | null }>(AUDIT_ROWS_AND_HEADS_SQL);
  await c.end();
  rows = Number(r.rows[0].rows);
  head = r.rows[0].head;
} finally {
  pgctl(dir, "stop", "-m", "fast", "-w");
}
console.log(
  `Restored ${file} into ${dir} in ${((performance.now() - t0) / 1000).toFixed(2)} s.${aside ? `\n  The previous data dir is kept at ${aside} (delete it when satisfied).` : ""}`,
);
console.log(
  `  audit trail: ${rows} rows, head ${head?.slice(0, 16) ?? "none"}…` +
    (info.auditHead !== undefined
      ? info.auditHead === head && info.auditRows === rows
        ? " — the same as at backup time"
        : ` — DIFFERENT from the backup's ${info.auditRows} rows, head ${info.auditHead?.slice(0, 16)}…`
      : ""),
);
if (info.auditHead !== undefined && (info.auditHead !== head || info.auditRows !== rows)) process.exit(1);
// Then walk the whole hash chain, as `npm run audit:verify` does.
const verify = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/with-db.ts", "tsx --conditions=react-server scripts/audit-verify.ts"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: "", PG_DATA_DIR: dir, PG_PORT: String(port) },
});
process.exit(verify.status ?? 1);
