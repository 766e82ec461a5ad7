import { expect, request as playwrightRequest, test, type APIRequestContext } from "./helpers/test";
import { PERMISSIONS, type Role } from "@/lib/auth/permissions";
import { PAGE_PERMISSIONS, ROUTE_PERMISSIONS, type Access, type Method } from "@/lib/auth/route-permissions";
import { DEMO_PASSWORD } from "./helpers/auth";
import { sql } from "./helpers/db";

// The authorization matrix, dynamic half: every route and page in lib/auth/route-permissions.ts (which
// lib/auth/route-permissions.test.ts checks against the filesystem) is called as each role, as a user of
// only the other site, and signed out, with records of Riverside (OUT-A). Expected: signed out 401 (pages:
// to sign-in), a role the permission table lacks 403, a user of the right role but not at Riverside 404
// (the record "does not exist" for them), and anyone allowed gets past authorization (4xx for the empty
// body is fine; never 401/403, and never 404 where the record is real).

type Who = { label: string; email: string | null; role: Role | null; atRiverside: boolean };
const PEOPLE: Who[] = [
  { label: "signed out", email: null, role: null, atRiverside: false },
  { label: "nurse at Riverside", email: "nurse@example.com", role: "NURSE", atRiverside: true },
  { label: "nurse of Lakeside only", email: "nurse.b@example.com", role: "NURSE", atRiverside: false },
  { label: "psychiatrist of both sites", email: "psych@example.com", role: "PSYCHIATRIST", atRiverside: true },
  { label: "psychiatrist of Lakeside only", email: "matrix.psych.b@example.com", role: "PSYCHIATRIST", atRiverside: false },
  { label: "administrator of both sites", email: "admin@example.com", role: "ADMIN", atRiverside: true },
  { label: "administrator of Lakeside only", email: "matrix.admin.b@example.com", role: "ADMIN", atRiverside: false },
];

// Routes not called signed in, with the reason: calling them would end the caller's own session.
const NOT_CALLED_SIGNED_IN: Record<string, string> = {
  "/api/session/lock": "ends the caller's own session (the idle lock); its anonymous call is still checked",
};

type Ids = Record<string, string>;
let ids: Ids;
let riverside: string;

test.beforeAll(async () => {
  // Two more staff of Lakeside only (the demo has a Lakeside nurse already).
  for (const [id, email, role, like] of [
    ["matrix-psych-b", "matrix.psych.b@example.com", "PSYCHIATRIST", "psych@example.com"],
    ["matrix-admin-b", "matrix.admin.b@example.com", "ADMIN", "admin@example.com"],
  ]) {
    await sql(
      `INSERT INTO "User" (id, email, "firstName", "lastName", role, "passwordHash", "updatedAt")
               SELECT $1, $2, 'Matrix', 'Lakeside', $3::"Role", "passwordHash", now() FROM "User" WHERE email = $4 ON CONFLICT (id) DO NOTHING`,
      [id, email, role, like],
    );
    await sql(`INSERT INTO "UserSite" ("userId", "siteId") SELECT $1, id FROM "Site" WHERE code = 'IN-B' ON CONFLICT DO NOTHING`, [id]);
  }
  const one = async (q: string, p: unknown[] = []) => (await sql<{ id: string }>(q, p))[0]?.id ?? "none";
  riverside = await one(`SELECT id FROM "Site" WHERE code = 'OUT-A'`);
  const ae = (
    await sql<{ id: string; sessionId: string }>(
      `SELECT id, "sessionId" FROM "AdverseEvent" WHERE "siteId" = $1 AND "sessionId" IS NOT NULL ORDER BY id LIMIT 1`,
      [riverside],
    )
  )[0];
  ids = {
    Site: riverside,
    Patient: await one(`SELECT id FROM "Patient" WHERE "siteId" = $1 ORDER BY id LIMIT 1`, [riverside]),
    TreatmentSession: ae?.sessionId ?? (await one(`SELECT id FROM "TreatmentSession" WHERE "siteId" = $1 ORDER BY id LIMIT 1`, [riverside])),
    PatientMonitoringForm: await one(
      `SELECT f.id FROM "PatientMonitoringForm" f JOIN "TreatmentSession" s ON s.id = f."sessionId" WHERE s."siteId" = $1 ORDER BY f.id LIMIT 1`,
      [riverside],
    ),
    AdverseEvent: ae?.id ?? "none",
    InventoryLot: await one(`SELECT id FROM "InventoryLot" WHERE "siteId" = $1 ORDER BY id LIMIT 1`, [riverside]),
    PatientTransfer: await one(`SELECT id FROM "PatientTransfer" WHERE "fromSiteId" = $1 ORDER BY id LIMIT 1`, [riverside]),
    // A staff account of Riverside only, so that an administrator of Lakeside only has no claim on it.
    User: await one(`SELECT u.id FROM "User" u WHERE u.email = 'nurse2@example.com'`),
    chairId: await one(`SELECT id FROM "Chair" WHERE "siteId" = $1 ORDER BY id LIMIT 1`, [riverside]),
    eventId: ae?.id ?? "none",
    medId: await one(
      `SELECT m.id FROM "ConcomitantMedication" m WHERE m."patientId" = (SELECT id FROM "Patient" WHERE "siteId" = $1 ORDER BY id LIMIT 1) ORDER BY m.id LIMIT 1`,
      [riverside],
    ),
    kind: "vital",
  };
});

/** The URL to call: path parameters filled with Riverside's records, query parameters naming Riverside. */
function urlFor(path: string, access: Access): { url: string; real: boolean } {
  const scope = access.kind === "role" ? access.scope : undefined;
  const recordOf = scope && "param" in scope ? scope.record : undefined;
  let real = true;
  const url = path.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    if (name === "...nextauth") return "csrf";
    const v = name === "id" && recordOf ? ids[recordOf] : ids[name];
    if (!v || v === "none") {
      real = false;
      return "none";
    }
    return v;
  });
  if (!scope || !("query" in scope)) return { url, real };
  const value = scope.record === "Site" ? riverside : ids.Patient;
  return { url: `${url}?${scope.query}=${value}&from=2026-01-01&to=2026-01-31`, real };
}

/** What `who` must get: an exact status, or any status outside a refused set. */
function expectation(access: Access, who: Who, page: boolean, real: boolean): { exactly?: number; notIn?: number[]; toSignIn?: boolean } {
  if (access.kind === "public") return { notIn: [401, 403, 404] };
  if (access.kind === "first-run") return page ? { exactly: 404 } : { exactly: 409 }; // the demo database has users
  if (!who.role) return page ? { toSignIn: true } : { exactly: 401 };
  if (access.kind === "signed-in") return { notIn: [401, 403, 404] };
  if (!(PERMISSIONS[access.action] as readonly string[]).includes(who.role)) return { exactly: 403 };
  const siteScoped = !!access.scope && !("body" in access.scope);
  if (siteScoped && !who.atRiverside) return { exactly: 404 };
  return { notIn: siteScoped && real ? [401, 403, 404] : [401, 403] };
}

async function contextFor(who: Who): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  if (!who.email) return ctx;
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const r = await ctx.post("/api/auth/callback/credentials", { form: { email: who.email, password: DEMO_PASSWORD, csrfToken, json: "true" } });
  expect(r.status(), `sign-in of ${who.email}`).toBe(200);
  return ctx;
}

test.describe("authorization matrix: every route and page, every role, another site's record", () => {
  for (const who of PEOPLE) {
    test(`as ${who.label}`, async () => {
      test.setTimeout(240_000);
      const ctx = await contextFor(who);
      const wrong: string[] = [];
      const check = (what: string, status: number, exp: ReturnType<typeof expectation>, location?: string) => {
        if (exp.toSignIn) {
          if (!(status === 307 || status === 302 || status === 303) || !location?.includes("/sign-in"))
            wrong.push(`${what}: ${status} → ${location ?? ""}, expected a redirect to sign-in`);
        } else if (exp.exactly !== undefined) {
          if (status !== exp.exactly) wrong.push(`${what}: ${status}, expected ${exp.exactly}`);
        } else if (exp.notIn!.includes(status) || status >= 500) wrong.push(`${what}: ${status}, expected none of ${exp.notIn!.join("/")} (nor 5xx)`);
      };
      for (const [path, methods] of Object.entries(ROUTE_PERMISSIONS)) {
        if (who.email && NOT_CALLED_SIGNED_IN[path]) continue;
        for (const [method, access] of Object.entries(methods) as [Method, Access][]) {
          if (path === "/api/auth/[...nextauth]" && method === "POST") continue; // next-auth's own sign-in/sign-out
          const { url, real } = urlFor(path, access);
          // the upload route takes CSV (any JSON body is refused before authorization, by proxy.ts: 415)
          const body =
            method === "GET" || method === "HEAD"
              ? {}
              : path === "/api/admin/patients/import"
                ? { headers: { "content-type": "text/csv" }, data: "" }
                : { data: {} };
          const res = await ctx.fetch(url, { method, maxRedirects: 0, ...body });
          check(`${method} ${url}`, res.status(), expectation(access, who, false, real));
        }
      }
      for (const [path, access] of Object.entries(PAGE_PERMISSIONS)) {
        const { url, real } = urlFor(path, access);
        const res = await ctx.get(url, { maxRedirects: 0 });
        const exp = expectation(access, who, true, real);
        // A page that redirects a signed-in user on purpose ("/" → their home) is past authorization.
        const status = res.status() === 307 && !exp.toSignIn && !res.headers().location?.includes("/sign-in") ? 200 : res.status();
        check(`GET ${url}`, status, exp, res.headers().location);
      }
      await ctx.dispose();
      expect(wrong, `${who.label}: responses that do not match lib/auth/route-permissions.ts`).toEqual([]);
    });
  }

  test("the records used are real Riverside records (so a 404 means refused, not missing)", async () => {
    for (const k of ["Site", "Patient", "TreatmentSession", "PatientMonitoringForm", "AdverseEvent", "InventoryLot", "User", "chairId"])
      expect(ids[k], k).not.toBe("none");
  });
});
