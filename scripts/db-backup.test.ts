// npm run db:backup / db:restore on their own embedded PostgreSQL (a throwaway data dir and a free port):
// back up, change data, restore — the audit chain verifies with the same rows and head hash as at backup time.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type State = { intact: boolean; rows: number; head: string | null; tags: string[] };

const TSX = path.resolve("node_modules/.bin/tsx"); // not npx: every step starts a process, and npx adds its own start-up
const work = fs.mkdtempSync(path.join(os.tmpdir(), "db-backup-test-"));
const dir = path.join(work, "pg");
let env: NodeJS.ProcessEnv;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
const sh = (cmd: string) => execFileSync("bash", ["-c", cmd], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const withDb = (cmd: string) => sh(`${TSX} scripts/with-db.ts ${JSON.stringify(cmd)}`);
const fixture = (args: string) =>
  JSON.parse(withDb(`tsx --conditions=react-server scripts/testing/audit-fixture.ts ${args}`).trim().split("\n").at(-1)!) as State;
const info = (file: string) =>
  JSON.parse(fs.readFileSync(file.replace(/\.tar\.gz$/, ".json"), "utf8")) as { method: string; auditRows?: number; auditHead?: string };

beforeAll(async () => {
  // The test run's own DATABASE_URL must not leak in: the wrapper starts the embedded server only when it is empty.
  env = { ...process.env, DATABASE_URL: "", DATABASE_OWNER_URL: "", PG_DATA_DIR: dir, PG_PORT: String(await freePort()) };
  withDb("prisma migrate deploy >/dev/null");
}, 120_000);
afterAll(() => {
  try {
    sh(`${TSX} scripts/with-db.ts --stop`);
  } catch {
    /* not running */
  }
  fs.rmSync(work, { recursive: true, force: true });
}, 60_000);

describe("backup and restore of the embedded database", () => {
  it("restores an online backup: the audit chain verifies with the head hash it had at backup time, later changes are gone", () => {
    const before = fixture("append 20 before");
    expect(before).toMatchObject({ intact: true, tags: ["before"] });
    const file = path.join(work, "online.tar.gz");
    // Online: the wrapper keeps the server running while the backup is taken.
    withDb(`tsx scripts/db-backup.ts ${file}`);
    expect(info(file)).toMatchObject({ auditRows: before.rows, auditHead: before.head });
    expect(info(file).method).toMatch(/^online/);

    const changed = fixture("append 7 after");
    expect(changed.rows).toBe(before.rows + 7);
    expect(changed.head).not.toBe(before.head);

    const out = sh(`${TSX} scripts/db-restore.ts ${file}`);
    expect(out).toMatch(/the same as at backup time/);
    const restored = fixture("state");
    expect(restored).toEqual({ intact: true, rows: before.rows, head: before.head, tags: ["before"] });
    // The data dir it replaced is kept beside it.
    expect(fs.readdirSync(work).some((f) => f.startsWith("pg.before-restore-"))).toBe(true);
  }, 180_000);

  it("restores an offline backup taken with the server stopped", () => {
    const before = fixture("append 3 offline");
    const file = path.join(work, "offline.tar.gz");
    sh(`${TSX} scripts/db-backup.ts ${file}`); // no wrapper: the server is stopped
    expect(info(file).method).toMatch(/^offline/);
    fixture("append 2 later");
    sh(`${TSX} scripts/db-restore.ts ${file}`);
    expect(fixture("state")).toEqual(before);
  }, 180_000);

  it("takes a consistent online backup while audited writes go on", () => {
    const file = path.join(work, "busy.tar.gz");
    const start = fixture("state");
    const stop = path.join(work, "stop-churn");
    withDb(
      `tsx --conditions=react-server scripts/testing/audit-fixture.ts churn ${stop} >/dev/null & ` +
        `while [ ! -f ${stop}.started ]; do sleep 0.2; done; tsx scripts/db-backup.ts ${file}; sleep 1; touch ${stop}; wait`,
    );
    const end = fixture("state");
    sh(`${TSX} scripts/db-restore.ts ${file}`);
    const restored = fixture("state");
    expect(restored.intact).toBe(true);
    expect(restored.rows).toBeGreaterThan(start.rows); // writes made before the backup are there…
    expect(restored.rows).toBeLessThan(end.rows); // …and the ones after it are not
    expect(restored).toMatchObject({ rows: info(file).auditRows, head: info(file).auditHead }); // exactly as recorded at backup time
  }, 180_000);

  it("refuses to restore over a database in use", () => {
    const file = path.join(work, "offline.tar.gz");
    expect(() => withDb(`tsx scripts/db-restore.ts ${file}`)).toThrow(/in use/);
    expect(fixture("state").intact).toBe(true);
  }, 60_000);
});
