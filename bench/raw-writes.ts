// Shared by bench:audit and bench:vitals: the same vital + audit rows as raw SQL (the floor an app write is measured
// against), and the CPU time of the server processes read from /proc/<pid>/stat (Linux).
import fs from "node:fs";
import { createHash, randomUUID } from "node:crypto";
import type pg from "pg";
import { db } from "../lib/db/client";
import { asOwner } from "../lib/db/testing/owner";
import { auditHashBody } from "../lib/audit/chain";

/** A copy of the audit table (same columns, defaults and indexes) for raw rows, so the app's hash chains stay clean. */
export async function createRawAuditTable() {
  const me = (await db().$queryRaw<{ u: string }[]>`SELECT current_user AS u`)[0].u;
  await asOwner(
    `CREATE TABLE IF NOT EXISTS "BenchAuditRaw" (LIKE "AuditEvent" INCLUDING DEFAULTS INCLUDING INDEXES)`,
    `CREATE SEQUENCE IF NOT EXISTS "BenchAuditRaw_id_seq" OWNED BY "BenchAuditRaw".id`,
    `ALTER TABLE "BenchAuditRaw" ALTER COLUMN id SET DEFAULT nextval('"BenchAuditRaw_id_seq"')`,
    `GRANT SELECT, INSERT ON "BenchAuditRaw" TO "${me}"`,
    `GRANT USAGE ON SEQUENCE "BenchAuditRaw_id_seq" TO "${me}"`,
  );
}

export const benchVital = () => ({
  kind: "EXTRA" as const,
  systolic: 120 + Math.floor(Math.random() * 10),
  diastolic: 80,
  heartRate: 72,
  spo2: 98,
  respiratoryRate: 14,
});

type Actor = { id: string; email: string; role: string };
type RawVital = { c: pg.PoolClient; id: string; now: Date; row: Record<string, unknown> };

/** BEGIN; `claim` (if any); lock the session row; INSERT a vital; then `audit` writes its audit row; COMMIT (ROLLBACK on an error). */
async function rawVital(
  pool: pg.Pool,
  actor: Actor,
  sessionId: string,
  audit: (v: RawVital) => Promise<unknown>,
  claim?: (c: pg.PoolClient) => Promise<unknown>,
) {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    await claim?.(c);
    await c.query(`SELECT 1 FROM "TreatmentSession" WHERE id = $1 FOR UPDATE`, [sessionId]);
    const v = benchVital(),
      id = randomUUID(),
      now = new Date();
    const row = await c.query(
      `INSERT INTO "ObservationVital" (id, "sessionId", "takenAt", kind, systolic, diastolic, "heartRate", spo2, "respiratoryRate", "recordedById", "recordedAt")
      VALUES ($1, $2, $3, 'EXTRA', $4, $5, $6, $7, $8, $9, $3) RETURNING *`,
      [id, sessionId, now, v.systolic, v.diastolic, v.heartRate, v.spo2, v.respiratoryRate, actor.id],
    );
    await audit({ c, id, now, row: row.rows[0] });
    await c.query("COMMIT");
  } catch (e) {
    await c.query("ROLLBACK");
    throw e;
  } finally {
    c.release();
  }
}

/** One vital as raw SQL: BEGIN; lock the session row; INSERT the vital; INSERT its (unchained) audit row; COMMIT. */
export function rawVitalWrite(pool: pg.Pool, actor: Actor, siteId: string, sessionId: string) {
  return rawVital(pool, actor, sessionId, ({ c, id, now, row }) =>
    c.query(
      `INSERT INTO "BenchAuditRaw" (at, "actorId", "actorEmail", "actorRole", action, "entityType", "entityId", "siteId", after, "prevHash", hash, "chainKey")
      VALUES ($1, $2, $3, $4, 'vital.record', 'ObservationVital', $5, $6, $7::jsonb, '', $8, $6)`,
      [now, actor.id, actor.email, actor.role, id, siteId, JSON.stringify(row), createHash("sha256").update(id).digest("hex")],
    ),
  );
}

/**
 * The same rows as the application writes, as raw SQL: BEGIN; lock the session row; INSERT the vital; INSERT its audit row
 * into audit_commit.pending as lib/audit/data appendAudit does, so that PostgreSQL appends it to a hash chain at COMMIT (migration
 * audit_chain_at_commit); COMMIT. What the chained design costs without Node.js, Next.js and Prisma. Its chains are real
 * chains of AuditEvent, one per site under RAW_CHAIN, verified with the application's.
 */
export function rawChainedVitalWrite(pool: pg.Pool, actor: Actor, siteId: string, sessionId: string) {
  return rawVital(pool, actor, sessionId, (v) => chainedAuditRow(v, actor, siteId));
}

/** The audit row of a raw vital, inserted into audit_commit.pending as appendAudit does (chained at COMMIT). */
async function chainedAuditRow({ c, id, now, row }: RawVital, actor: Actor, siteId: string) {
  const after = JSON.stringify(row);
  const body = auditHashBody({
    at: now,
    actorId: actor.id,
    actorEmail: actor.email,
    actorRole: actor.role,
    action: "vital.record",
    entityType: "ObservationVital",
    entityId: id,
    siteId,
    patientId: null,
    before: null,
    after: JSON.parse(after),
    reason: null,
    requestId: null,
  });
  await c.query(
    `INSERT INTO audit_commit.pending ("chainKey", body, at, "actorId", "actorEmail", "actorRole", action, "entityType", "entityId", "siteId", after)
      VALUES ($1, $2, $3, $4, $5, $6, 'vital.record', 'ObservationVital', $7, $8, $9::jsonb)`,
    [`${RAW_CHAIN}${siteId}`, body, now, actor.id, actor.email, actor.role, id, siteId, after],
  );
}

/** The route of rawKeyedVitalWrite's Idempotency-Key records (no app route has it). */
const RAW_ROUTE = "POST /bench/raw-keyed-vital";

/**
 * Every row a keyed vitals request writes, as raw SQL (bench:vitals compares the application with this): BEGIN; claim the
 * Idempotency-Key (IdempotencyRecord, as lib/db/idempotency answerOnce does); lock the session row; INSERT the vital; its
 * audit row chained at COMMIT; store the answer on the claim; COMMIT. No sign-in, authorization, validation or HTTP.
 */
export function rawKeyedVitalWrite(pool: pg.Pool, actor: Actor, siteId: string, sessionId: string) {
  const key = randomUUID();
  return rawVital(
    pool,
    actor,
    sessionId,
    async (v) => {
      await chainedAuditRow(v, actor, siteId);
      const answer = { ok: true, data: { id: v.id, takenAt: v.now, alerts: [], adverseEventId: null } };
      await v.c.query(`UPDATE "IdempotencyRecord" SET status = 201, "responseBody" = $1::jsonb WHERE "userId" = $2 AND route = $3 AND key = $4`, [
        JSON.stringify(answer),
        actor.id,
        RAW_ROUTE,
        key,
      ]);
    },
    (c) =>
      c.query(
        `INSERT INTO "IdempotencyRecord" (id, "userId", route, key, "requestHash") VALUES (gen_random_uuid()::text, $1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [actor.id, RAW_ROUTE, key, createHash("sha256").update(`${sessionId}\n${key}`).digest("hex")],
      ),
  );
}

/** The chain key of rawChainedVitalWrite's rows: its own chain per site, beside the application's. */
export const RAW_CHAIN = "chained:";

/** Rows and chains that rawChainedVitalWrite appended (verifyAuditChain checks them with every other chain). */
export async function rawChainRows(pool: pg.Pool): Promise<{ rows: number; chains: number }> {
  const { rows } = await pool.query(`SELECT count(*)::int AS rows, count(DISTINCT "chainKey")::int AS chains FROM "AuditEvent" WHERE "chainKey" LIKE $1`, [
    `${RAW_CHAIN}%`,
  ]);
  return rows[0];
}

const TICK_MS = 10; // USER_HZ is 100 on Linux
type Stat = { pid: number; ppid: number; pgrp: number; cpu: number; childCpu: number };
function stat(pid: number): Stat | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = s.slice(s.lastIndexOf(")") + 2).split(" "); // fields from 3 (state) on
    return { pid, ppid: Number(f[1]), pgrp: Number(f[2]), cpu: (Number(f[11]) + Number(f[12])) * TICK_MS, childCpu: (Number(f[13]) + Number(f[14])) * TICK_MS };
  } catch {
    return null; // gone
  }
}
const allStats = () =>
  fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((d) => stat(Number(d)))
    .filter((s): s is Stat => !!s);

/**
 * CPU milliseconds so far of the app servers (every process in their process groups) and of PostgreSQL (the postmaster
 * of PG_DATA_DIR and all its backends, plus backends that already exited, counted in the postmaster's child time).
 */
export function serverCpuMs(appPgids: number[]): { node: number; postgres: number } {
  const all = allStats();
  const postmaster = Number(fs.readFileSync(`${process.env.PG_DATA_DIR}/postmaster.pid`, "utf8").split("\n")[0]);
  const pm = all.find((s) => s.pid === postmaster);
  return {
    node: all.filter((s) => appPgids.includes(s.pgrp)).reduce((a, s) => a + s.cpu, 0),
    postgres: (pm ? pm.cpu + pm.childCpu : 0) + all.filter((s) => s.ppid === postmaster).reduce((a, s) => a + s.cpu, 0),
  };
}
