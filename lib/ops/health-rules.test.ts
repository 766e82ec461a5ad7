import { describe, expect, it } from "vitest";
import { migrationState, type AppliedMigration } from "./health-rules";

const at = new Date("2026-12-04T10:00:00Z");
const done = (name: string): AppliedMigration => ({ name, finishedAt: at, rolledBackAt: null });

describe("migrationState", () => {
  it("is current when every migration of the build finished", () => {
    expect(migrationState(["a", "b"], [done("a"), done("b")])).toEqual({ ok: true, expected: 2, applied: 2, missing: [], failed: [], newer: 0 });
  });

  it("is behind when a migration of the build was never applied", () => {
    const s = migrationState(["a", "b", "c"], [done("a")]);
    expect(s.ok).toBe(false);
    expect(s.missing).toEqual(["b", "c"]);
    expect(s.applied).toBe(1);
  });

  it("is not current on an empty database", () => {
    expect(migrationState(["a"], []).ok).toBe(false);
  });

  it("reports a migration that started and never finished as failed", () => {
    const s = migrationState(["a", "b"], [done("a"), { name: "b", finishedAt: null, rolledBackAt: null }]);
    expect(s).toMatchObject({ ok: false, failed: ["b"], missing: ["b"] });
  });

  it("ignores a rolled-back failure that was applied again afterwards", () => {
    const s = migrationState(["a"], [{ name: "a", finishedAt: null, rolledBackAt: at }, done("a")]);
    expect(s).toMatchObject({ ok: true, failed: [], missing: [] });
  });

  it("stays healthy when the database is ahead of this build (rolling upgrade: migrate first, then the servers)", () => {
    const s = migrationState(["a"], [done("a"), done("b")]);
    expect(s).toMatchObject({ ok: true, newer: 1 });
  });
});
