// `npm run setup` on a fresh, empty database (its own database in the test server, migrations only):
// two simultaneous runs leave exactly one administrator; a run after that is refused; bad input saves nothing.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { appRoleGrantsSql } from "../lib/db/roles";

// As in production: the owner creates the database and migrates it; `npm run setup` runs as the app role.
const base = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL!;
const name = `setup_${Date.now().toString(36)}`;
const inDb = (u: string) => u.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
const url = inDb(process.env.DATABASE_URL!);
const ownerUrl = inDb(base);
const example = JSON.parse(fs.readFileSync("docs/setup.example.json", "utf8"));

function setup(input: unknown): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const p = spawn("npx", ["tsx", "--conditions=react-server", "scripts/setup.ts", "-"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (out += d));
    p.on("close", (code) => resolve({ code: code ?? -1, out }));
    p.stdin.end(JSON.stringify(input));
  });
}
async function query<T>(sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const o = new pg.Client({ connectionString: ownerUrl });
  await o.connect();
  await o.query(appRoleGrantsSql(new URL(url).username)).finally(() => o.end());
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url, DATABASE_OWNER_URL: ownerUrl }, stdio: "ignore" });
}, 60_000);
afterAll(async () => {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
});

describe("npm run setup (first run)", () => {
  it("refuses bad input at the field and saves nothing", async () => {
    const r = await setup({ admin: { ...example.admin, password: "short" }, site: { ...example.site, chairs: [] } });
    expect(r.code).toBe(2);
    expect(r.out).toContain("admin.password: At least 12 characters");
    expect(r.out).toContain("site.chairs: Add at least one chair");
    expect(await query(`SELECT id FROM "User"`)).toHaveLength(0);
  }, 60_000);

  it("two simultaneous runs create one administrator, one site and the initial REMS parameters; later runs are refused", async () => {
    const second = { ...example, admin: { ...example.admin, email: "someone.else@clinic.example" }, site: { ...example.site, code: "OTHER-1" } };
    const runs = await Promise.all([setup(example), setup(second)]);
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1]);
    expect(runs.find((r) => r.code === 1)!.out).toContain("already set up");
    const users = await query<{ role: string; email: string }>(`SELECT role, email FROM "User"`);
    expect(users).toHaveLength(1);
    expect(users[0].role).toBe("ADMIN");
    const sites = await query<{ id: string; code: string }>(`SELECT id, code FROM "Site"`);
    expect(sites).toHaveLength(1);
    expect(await query(`SELECT 1 FROM "UserSite"`)).toHaveLength(1);
    expect(await query(`SELECT 1 FROM "Chair"`)).toHaveLength(2);
    expect(await query(`SELECT 1 FROM "RemsParameterSet"`)).toHaveLength(1);
    const audit = await query<{ action: string }>(`SELECT action FROM "AuditEvent" ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(["setup.first_admin", "rems.parameters_create", "site.create"]);
    expect((await setup(example)).code).toBe(1);
  }, 90_000);
});
