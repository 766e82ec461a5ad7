// The authorization matrix, static half: every route handler and page on disk has an entry in the table,
// with the methods it exports, and its source asks for the action the table names. The dynamic half
// (every role, and a user of another site, against the running app) is e2e/authorization-matrix.spec.ts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "./permissions";
import { PAGE_PERMISSIONS, pathOfFile, ROUTE_PERMISSIONS, type Access } from "./route-permissions";

function filesNamed(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesNamed(p, name) : e.name === name ? [p] : [];
  });
}
const routeFiles = filesNamed("app", "route.ts").filter((f) => f.startsWith(path.join("app", "api")));
const pageFiles = filesNamed("app", "page.tsx");

/** The HTTP methods a route file exports (`export const POST`, `export { handler as GET }`, `export const { GET, HEAD }`). */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|async function|function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE)\b/g)) found.add(m[1]);
  for (const m of source.matchAll(/export\s+(?:const\s+)?\{([^}]*)\}/g))
    for (const name of m[1].split(",").map((s) =>
      s
        .trim()
        .split(/\s+as\s+/)
        .pop()!
        .trim(),
    ))
      if (/^(GET|HEAD|POST|PUT|PATCH|DELETE)$/.test(name)) found.add(name);
  return [...found].sort();
}

/** The source of a route or page and the helpers it delegates to, to find the action it asks for. */
const HELPERS: Record<string, string> = {
  sessionCommand: "lib/sessions/route-helpers.ts",
  authorizeLot: "lib/inventory/route-helpers.ts",
  pmfExportRoute: "lib/pmf/report-route.ts",
  csvExportRoute: "lib/reports/export-route.ts",
};
function asksFor(source: string, a: Access): boolean {
  if (a.kind !== "role") return true;
  if (source.includes(`"${a.action}"`)) return true;
  return Object.entries(HELPERS).some(([helper, file]) => source.includes(helper) && fs.readFileSync(file, "utf8").includes(`"${a.action}"`));
}

describe("authorization matrix: the table covers the filesystem", () => {
  it("finds the app's routes and pages on disk", () => {
    expect(routeFiles.length).toBeGreaterThan(50);
    expect(pageFiles.length).toBeGreaterThan(25);
  });

  it("every route file has an entry for each method it exports, and no entry is left without a file", () => {
    const missing: string[] = [];
    for (const f of routeFiles) {
      const entry = ROUTE_PERMISSIONS[pathOfFile(f)];
      const methods = exportedMethods(fs.readFileSync(f, "utf8"));
      expect(methods.length, `${f} exports no HTTP method`).toBeGreaterThan(0);
      if (!entry) missing.push(`${pathOfFile(f)} (${f})`);
      else expect(Object.keys(entry).sort(), `methods of ${f}`).toEqual(methods);
    }
    expect(missing, "routes with no entry in lib/auth/route-permissions.ts").toEqual([]);
    const onDisk = new Set(routeFiles.map(pathOfFile));
    expect(
      Object.keys(ROUTE_PERMISSIONS).filter((p) => !onDisk.has(p)),
      "entries without a route file",
    ).toEqual([]);
  });

  it("every page has an entry, and no entry is left without a page", () => {
    const onDisk = pageFiles.map(pathOfFile);
    expect(
      onDisk.filter((p) => !PAGE_PERMISSIONS[p]),
      "pages with no entry in lib/auth/route-permissions.ts",
    ).toEqual([]);
    expect(
      Object.keys(PAGE_PERMISSIONS).filter((p) => !onDisk.includes(p)),
      "entries without a page",
    ).toEqual([]);
  });

  it("every action named is in the permission table, and the file (or its helper) asks for it", () => {
    const check = (file: string, a: Access) => {
      if (a.kind !== "role") return;
      expect(PERMISSIONS, `${file}: unknown action ${a.action}`).toHaveProperty([a.action]);
      expect(asksFor(fs.readFileSync(file, "utf8"), a), `${file} does not ask for "${a.action}"`).toBe(true);
    };
    for (const f of routeFiles) for (const a of Object.values(ROUTE_PERMISSIONS[pathOfFile(f)] ?? {})) check(f, a!);
    for (const f of pageFiles) check(f, PAGE_PERMISSIONS[pathOfFile(f)]);
  });

  it("a route or page acting on another site's record names the record whose site decides", () => {
    const unscopedWithId = [
      ...Object.entries(ROUTE_PERMISSIONS).flatMap(([p, ms]) => Object.values(ms).map((a) => [p, a!] as const)),
      ...Object.entries(PAGE_PERMISSIONS),
    ]
      .filter(([p, a]) => p.includes("[id]") && a.kind === "role" && !a.scope && !a.national)
      .map(([p]) => p);
    expect(unscopedWithId).toEqual([]);
  });

  it("derives the URL path of a file, leaving out route groups", () => {
    expect(pathOfFile("app/(app)/admin/users/[id]/page.tsx")).toBe("/admin/users/[id]");
    expect(pathOfFile("app/page.tsx")).toBe("/");
    expect(pathOfFile("app/api/sessions/[id]/vitals/route.ts")).toBe("/api/sessions/[id]/vitals");
  });
});
