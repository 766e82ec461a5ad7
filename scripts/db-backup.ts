// npm run db:backup [-- <file.tar.gz>] — a consistent physical backup of the embedded PostgreSQL.
//
// The embedded package ships no pg_dump or pg_basebackup, and Debian 12's (version 15) refuse a 17 server.
// So this takes a base backup the way pg_basebackup does, with PostgreSQL's low-level API:
//   server running → online: a temporary replication slot keeps the WAL, pg_backup_start, copy the data dir
//     (without pg_wal and the server's runtime files), pg_backup_stop, write its backup_label, copy the WAL
//     written meanwhile. The app keeps running; on restore PostgreSQL replays that WAL to a consistent state.
//   server stopped → offline: a plain copy of the data dir (after a crash, it is replayed the same way).
// Writes a .tar.gz and a .json beside it (method, LSNs, audit rows and head hash, size, seconds).
// Production PostgreSQL: use pg_basebackup / pg_dump of the server's own major version, or the provider's
// managed backups (README "Backups").
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { dataDir, run, runningServer, superUrl } from "./embedded-pg";
import { AUDIT_ROWS_AND_HEADS_SQL } from "../lib/audit/heads-sql";

const SKIP_TOP = new Set(["postmaster.pid", "postmaster.opts", "with-db.pid", "server.log", "backup_label", "backup_label.old", "tablespace_map"]);
// Contents the server recreates at start (as pg_basebackup leaves them out); the folders themselves are kept.
const EMPTY_DIRS = new Set(["pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans"]);

/** Copies a tree; a file that vanishes while the server runs (a dropped relation, a temp file) is skipped: the WAL has the truth. */
function copyTree(from: string, to: string) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.name.startsWith("pgsql_tmp")) continue;
    const [src, dst] = [path.join(from, e.name), path.join(to, e.name)];
    try {
      if (e.isDirectory()) copyTree(src, dst);
      else fs.copyFileSync(src, dst);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }
}

function copyDataDir(from: string, to: string) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (SKIP_TOP.has(e.name) || e.name.startsWith("pgsql_tmp")) continue;
    if (e.isDirectory() && EMPTY_DIRS.has(e.name)) fs.mkdirSync(path.join(to, e.name));
    else if (e.isDirectory()) copyTree(path.join(from, e.name), path.join(to, e.name));
    else fs.copyFileSync(path.join(from, e.name), path.join(to, e.name));
  }
}

/** The WAL segments, up to and including `last` when given (segment names sort in WAL order on one timeline). */
function copyWal(from: string, to: string, last?: string) {
  const wal = path.join(from, "pg_wal");
  fs.mkdirSync(path.join(to, "pg_wal", "archive_status"), { recursive: true });
  for (const f of fs.readdirSync(wal)) if (/^[0-9A-F]{24}$/.test(f) && (!last || f <= last)) fs.copyFileSync(path.join(wal, f), path.join(to, "pg_wal", f));
}

async function auditHead(c: pg.Client) {
  const r = await c.query<{ rows: string; head: string | null }>(AUDIT_ROWS_AND_HEADS_SQL);
  return { auditRows: Number(r.rows[0].rows), auditHead: r.rows[0].head };
}
const hasAudit = async (c: pg.Client) => (await c.query(`SELECT to_regclass('"AuditEvent"') AS t`)).rows[0].t !== null;

const dir = dataDir();
if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
  console.error(`No embedded database at ${dir} (set PG_DATA_DIR). For a PostgreSQL server of your own, see the README ("Backups").`);
  process.exit(2);
}
const stamp = new Date()
  .toISOString()
  .replace(/[:.]/g, "-")
  .replace(/-\d\d\dZ$/, "Z");
const out = path.resolve(process.argv[2] || path.join(".data", "backups", `${path.basename(dir)}-${stamp}.tar.gz`));
fs.mkdirSync(path.dirname(out), { recursive: true });
const staging = fs.mkdtempSync(path.join(os.tmpdir(), "db-backup-"));
const t0 = performance.now();
let info: Record<string, unknown>;
try {
  const server = runningServer(dir);
  if (server) {
    const c = new pg.Client({ connectionString: superUrl(server.port) });
    await c.connect();
    try {
      // A temporary slot (dropped when this connection closes) keeps every WAL segment from now on,
      // so a checkpoint during the copy cannot remove WAL the backup needs.
      await c.query(`SELECT pg_create_physical_replication_slot($1, true, true)`, [`db_backup_${process.pid}`]);
      const start = (await c.query<{ lsn: string }>(`SELECT pg_backup_start($1, true) AS lsn`, [`db:backup ${stamp}`])).rows[0].lsn;
      copyDataDir(dir, staging);
      // The backup ends at pg_backup_stop's LSN (it switches to a new WAL segment; only segments up to that one
      // are copied). Audited writes wait for those few milliseconds, so the audit head read here is exactly
      // the one the restored database will have.
      await c.query("BEGIN");
      const audited = await hasAudit(c);
      if (audited) await c.query(`LOCK TABLE "AuditEvent" IN EXCLUSIVE MODE`);
      const audit = audited ? await auditHead(c) : {};
      const stop = (
        await c.query<{ lsn: string; labelfile: string; spcmapfile: string | null; wal: string }>(
          `SELECT lsn::text, labelfile, spcmapfile, pg_walfile_name(lsn) AS wal FROM pg_backup_stop(false)`,
        )
      ).rows[0];
      await c.query("COMMIT");
      fs.writeFileSync(path.join(staging, "backup_label"), stop.labelfile);
      if (stop.spcmapfile) fs.writeFileSync(path.join(staging, "tablespace_map"), stop.spcmapfile);
      copyWal(dir, staging, stop.wal);
      const version = (await c.query<{ v: string }>(`SHOW server_version`)).rows[0].v;
      info = { method: "online (pg_backup_start/stop + WAL)", startLsn: start, stopLsn: stop.lsn, postgres: version, ...audit };
    } finally {
      await c.end();
    }
  } else {
    copyDataDir(dir, staging);
    copyWal(dir, staging);
    info = { method: "offline (server stopped)", postgres: fs.readFileSync(path.join(dir, "PG_VERSION"), "utf8").trim() };
  }
  run("tar", ["-czf", out, "-C", staging, "."]);
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}
info = {
  file: out,
  createdAt: new Date().toISOString(),
  dataDir: dir,
  ...info,
  bytes: fs.statSync(out).size,
  seconds: Number(((performance.now() - t0) / 1000).toFixed(2)),
};
fs.chmodSync(out, 0o600); // patient data: readable by this user only
fs.writeFileSync(out.replace(/\.tar\.gz$/, "") + ".json", JSON.stringify(info, null, 2) + "\n");
console.log(`Backup written: ${out}`);
console.log(
  `  ${info.method}; ${(Number(info.bytes) / 1e6).toFixed(1)} MB in ${info.seconds} s` +
    (info.auditHead !== undefined ? `; audit trail ${info.auditRows} rows, head ${String(info.auditHead).slice(0, 16)}…` : ""),
);
