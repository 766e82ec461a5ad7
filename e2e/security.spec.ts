import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

// Issue 12, points 1, 2 and 7: cross-site writes refused, security headers on every answer, and a corpus of malformed
// requests that must each be refused at the field (4xx naming it), never a 500, with nothing written.

type Signed = { context: BrowserContext; api: APIRequestContext; origin: string };
async function signedIn(browser: Browser, email: string, baseURL: string): Promise<Signed> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  await page.close();
  return { context, api: context.request, origin: new URL(baseURL).origin };
}

// Every table a write could touch (sign-in bookkeeping aside): a refused request must leave all of them as they were.
const TABLES = [
  "RemsParameterSet",
  "Site",
  "AuthorizedRepresentative",
  "Chair",
  "User",
  "UserSite",
  "Patient",
  "ClinicalFlag",
  "ConcomitantMedication",
  "RemsEnrollment",
  "PatientTransfer",
  "TreatmentSession",
  "PreDoseChecklist",
  "InventoryLot",
  "Device",
  "WasteRecord",
  "ReturnRecord",
  "InventoryCount",
  "DeviceAdministration",
  "ObservationVital",
  "SedationAssessment",
  "DissociationAssessment",
  "AdverseEvent",
  "ClinicalDecision",
  "DischargeDecision",
  "ProtocolDeviation",
  "SessionAlert",
  "WarningAcknowledgement",
  "PreCompletionAssessment",
  "PatientMonitoringForm",
  "OutcomeMeasure",
  "AntidepressantTrial",
  "SessionSignature",
  "SessionAmendment",
  "AuditEvent",
  "IdempotencyRecord",
];
const rowCounts = async () =>
  Object.fromEntries(
    (await sql<{ t: string; n: string }>(TABLES.map((t) => `SELECT '${t}' AS t, count(*)::text AS n FROM "${t}"`).join(" UNION ALL "))).map((r) => [
      r.t,
      Number(r.n),
    ]),
  );
// A version column too: an update refused must not have bumped it.
const versions = async () =>
  Object.fromEntries(
    (await sql<{ id: string; version: number }>(`SELECT id, version FROM "Site" UNION ALL SELECT id, version FROM "User"`)).map((r) => [r.id, r.version]),
  );

let nurse: Signed, psych: Signed, admin: Signed;
test.beforeAll(async ({ browser }, info) => {
  const baseURL = info.project.use.baseURL!;
  [nurse, psych, admin] = [
    await signedIn(browser, "nurse@example.com", baseURL),
    await signedIn(browser, "psych@example.com", baseURL),
    await signedIn(browser, "admin@example.com", baseURL),
  ];
});
test.afterAll(async () => {
  for (const s of [nurse, psych, admin]) await s?.context.close();
});

test.describe("cross-site request forgery", () => {
  const newUser = (email: string) => ({ firstName: "Mallory", lastName: "Forged", email, role: "ADMIN", siteIds: [] as string[] });

  test("a write from another origin is refused with 403, even as text/plain with an administrator's cookie; nothing is created", async () => {
    const [site] = await sql<{ id: string }>(`SELECT id FROM "Site" WHERE code = 'OUT-A'`);
    const email = `forged-${Date.now()}@example.com`;
    const body = JSON.stringify({ ...newUser(email), siteIds: [site.id] });
    const before = await rowCounts();
    const attacks: Record<string, string>[] = [
      { origin: "https://evil.example", "content-type": "text/plain" },
      { origin: "https://evil.example", "content-type": "application/json" },
      { origin: "null", "content-type": "application/x-www-form-urlencoded" },
      { "sec-fetch-site": "cross-site", "content-type": "text/plain" },
      { "sec-fetch-site": "same-site", origin: admin.origin, "content-type": "application/json" },
    ];
    for (const headers of attacks) {
      const res = await admin.api.post("/api/admin/users", { headers, data: body });
      expect(res.status(), JSON.stringify(headers)).toBe(403);
      expect((await res.json()).code).toBe("CROSS_SITE");
    }
    for (const [method, url] of [
      ["PUT", "/api/sessions/x/dose"],
      ["PATCH", `/api/admin/sites/${site.id}`],
      ["DELETE", "/api/admin/rems/x"],
    ] as const)
      expect(
        (await admin.api.fetch(url, { method, headers: { origin: "https://evil.example", "content-type": "application/json" }, data: "{}" })).status(),
        `${method} ${url}`,
      ).toBe(403);
    // next-auth's own form post (sign-in) is checked too.
    const csrf = ((await (await admin.api.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
    expect(
      (
        await admin.api.post("/api/auth/callback/credentials", {
          headers: { origin: "https://evil.example" },
          form: { email: "admin@example.com", password: "x", csrfToken: csrf },
        })
      ).status(),
    ).toBe(403);
    expect(await rowCounts()).toEqual(before);
    expect(await sql(`SELECT 1 FROM "User" WHERE email = $1`, [email])).toHaveLength(0);
  });

  test("every API handler is guarded: a forged write to each is refused with 403 before it runs, and each answer carries the headers", async () => {
    // proxy.ts does not run for /api (lib/http/route guarded says why): each handler must be wrapped, and this finds one that is not.
    const handlers = apiHandlers();
    expect(handlers.length).toBeGreaterThan(80);
    const before = await rowCounts();
    for (const { url, method } of handlers) {
      const res =
        method === "GET"
          ? await admin.api.get(url)
          : await admin.api.fetch(url, { method, headers: { origin: "https://evil.example", "content-type": "application/json" }, data: "{}" });
      const where = `${method} ${url}`;
      if (method !== "GET") {
        expect(res.status(), where).toBe(403);
        expect((await res.json()).code, where).toBe("CROSS_SITE");
      } else expect(res.status(), where).toBeLessThan(500);
      expect(res.headers()["x-content-type-options"], where).toBe("nosniff");
      expect(res.headers()["cache-control"], where).toContain("no-store");
      expect(res.headers()["x-frame-options"], where).toBe("DENY");
    }
    const after = await rowCounts();
    // GETs write only their audit rows (an export, an audit packet): the forged writes wrote nothing else.
    expect({ ...after, AuditEvent: before.AuditEvent }).toEqual(before);
  });

  test("a same-origin write must be JSON (415 otherwise); same-origin JSON works; reads from anywhere still work", async () => {
    const [site] = await sql<{ id: string }>(`SELECT id FROM "Site" WHERE code = 'OUT-A'`);
    const email = `same-origin-${Date.now()}@example.com`;
    const body = JSON.stringify({ ...newUser(email), role: "NURSE", siteIds: [site.id] });
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await admin.api.post("/api/admin/users", { headers: { origin: admin.origin, "content-type": type }, data: body });
      expect(res.status(), type).toBe(415);
    }
    expect(await sql(`SELECT 1 FROM "User" WHERE email = $1`, [email])).toHaveLength(0);
    const ok = await admin.api.post("/api/admin/users", {
      headers: { origin: admin.origin, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      data: body,
    });
    expect(ok.status(), await ok.text()).toBe(201);
    expect(await sql(`SELECT 1 FROM "User" WHERE email = $1`, [email])).toHaveLength(1);
    // The bodiless commands (verify the chain) and the CSV upload keep working from the app's own pages.
    expect((await admin.api.post("/api/admin/audit/verify", { headers: { origin: admin.origin } })).status()).toBe(200);
    const csv = await admin.api.post(`/api/admin/patients/import?siteId=${site.id}&mode=preview`, {
      headers: { origin: admin.origin, "content-type": "text/csv" },
      data: "mrn,firstName,lastName,birthDate,sex,indication\n",
    });
    expect(csv.status()).toBeLessThan(500);
    expect(csv.status()).not.toBe(415);
    expect((await nurse.api.get("/api/board", { headers: { "sec-fetch-site": "cross-site" } })).status()).toBe(200);
  });

  test("a body over 64 KB is refused with 413 before it is read; an import may be larger", async () => {
    const before = await rowCounts();
    const big = JSON.stringify({ firstName: "A".repeat(70 * 1024) });
    const res = await nurse.api.post("/api/patients", { headers: { "content-type": "application/json" }, data: big });
    expect(res.status()).toBe(413);
    expect((await res.json()).code).toBe("TOO_LARGE");
    expect(await rowCounts()).toEqual(before);
  });

  test("the browser's own forms still work through the guard: sign-in and a same-origin fetch from a page", async ({ page }) => {
    await signIn(page, "nurse@example.com");
    const status = await page.evaluate(async () => (await fetch("/api/session/lock", { method: "GET" })).status);
    expect(status).toBe(405); // reached the route (no GET there), i.e. not refused by the guard
    const textPlain = await page.evaluate(
      async () => (await fetch("/api/patients", { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" })).status,
    );
    expect(textPlain).toBe(415);
  });
});

test.describe("security headers", () => {
  const nonceOf = (csp: string) => /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp)?.[1];

  test("every page carries a nonce CSP that changes per request, no framing, nosniff, a referrer and permissions policy, and no-store", async () => {
    const a = await nurse.api.get("/board");
    const b = await nurse.api.get("/board");
    expect(a.status()).toBe(200);
    const csp = a.headers()["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(nonceOf(csp)).toBeTruthy();
    expect(nonceOf(b.headers()["content-security-policy"])).not.toBe(nonceOf(csp));
    // Next puts the nonce on its own scripts.
    expect(await a.text()).toContain(`nonce="${nonceOf(csp)}"`);
    for (const res of [a, await nurse.api.get("/sign-in")]) {
      const h = res.headers();
      expect(h["x-frame-options"]).toBe("DENY");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(h["permissions-policy"]).toContain("camera=()");
      expect(h["cache-control"]).toContain("no-store");
      expect(h["strict-transport-security"], "no HSTS over plain http").toBeUndefined();
    }
  });

  test("API answers, refusals included, are no-store and nosniff; HSTS appears only when served over https", async () => {
    for (const res of [
      await nurse.api.get("/api/board"),
      await admin.api.get("/api/board"),
      await nurse.api.post("/api/patients", { headers: { "content-type": "text/plain" }, data: "x" }),
    ]) {
      expect(res.headers()["cache-control"], res.url()).toContain("no-store");
      expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    }
    const csv = await admin.api.get(`/api/reports/adverse-events/csv`);
    expect(csv.headers()["cache-control"]).toContain("no-store");
    const https = await nurse.api.get("/board", { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  });

  test("pages render under the policy: sign-in, a session's BP chart, a patient's course charts and the review queue, with no CSP violation", async ({
    browser,
  }) => {
    // A seeded patient with a course of sessions (the newest session at the site may be another spec's, with no course yet).
    const [session] = await sql<{
      id: string;
      patientId: string;
    }>(`SELECT s.id, s."patientId" FROM "TreatmentSession" s JOIN "Patient" p ON p.id = s."patientId"
      WHERE p.mrn = 'A-1003' AND s.status = 'DISCHARGED' ORDER BY s."checkedInAt" DESC LIMIT 1`);
    const context = await browser.newContext({
      baseURL: psych.origin,
      storageState: await psych.context.storageState(),
      viewport: { width: 820, height: 1180 },
    });
    const page = await context.newPage();
    const violations: string[] = [];
    // The sign-in page too, signed out (its own context).
    const signedOut = await browser.newContext({ baseURL: psych.origin });
    const signInPage = await signedOut.newPage();
    signInPage.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`sign-in: ${m.text()}`);
    });
    await signInPage.goto("/sign-in");
    await signInPage.getByLabel("Email").fill("nobody@example.com");
    await signInPage.getByRole("button", { name: "Sign in" }).click();
    await expect(signInPage.getByLabel("Password")).toBeVisible();
    await signedOut.close();
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    await page.goto(`/sessions/${session.id}`);
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    await page.screenshot({ path: "test-results/screens/csp-session-chart.png", fullPage: true });
    await page.goto(`/patients/${session.patientId}/course`);
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    await page.screenshot({ path: "test-results/screens/csp-course.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/review`);
    await expect(page.getByRole("heading").first()).toBeVisible();
    await page.screenshot({ path: "test-results/screens/csp-review-desktop.png", fullPage: true });
    expect(violations).toEqual([]);
    await context.close();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The bad-input corpus: a table of malformed requests, each refused at the field with nothing written.

type Who = "nurse" | "psych" | "admin";
type Case = { name: string; who: Who; method: "POST" | "PUT" | "PATCH"; url: string; body: unknown; field: string };

const CONTROL_CHARS: [string, string][] = [
  ["NUL", "\u0000"],
  ["LRM", "\u200E"],
  ["RLM", "\u200F"],
  ["LRE", "\u202A"],
  ["RLE", "\u202B"],
  ["PDF", "\u202C"],
  ["LRO", "\u202D"],
  ["RLO", "\u202E"],
  ["LRI", "\u2066"],
  ["RLI", "\u2067"],
  ["FSI", "\u2068"],
  ["PDI", "\u2069"],
];

async function corpus(): Promise<Case[]> {
  const [ids] = await sql<Record<string, string>>(`SELECT
    (SELECT id FROM "Site" WHERE code = 'OUT-A') AS site,
    (SELECT id FROM "User" WHERE email = 'nurse@example.com') AS nurse,
    (SELECT id FROM "User" WHERE email = 'nurse2@example.com') AS nurse2,
    (SELECT p.id FROM "Patient" p JOIN "Site" s ON s.id = p."siteId" WHERE s.code = 'OUT-A' ORDER BY p.mrn LIMIT 1) AS patient,
    (SELECT x.id FROM "TreatmentSession" x JOIN "Site" s ON s.id = x."siteId" WHERE s.code = 'OUT-A' ORDER BY x."checkedInAt" DESC LIMIT 1) AS session,
    (SELECT l.id FROM "InventoryLot" l JOIN "Site" s ON s.id = l."siteId" WHERE s.code = 'OUT-A' LIMIT 1) AS lot,
    (SELECT f.id FROM "PatientMonitoringForm" f JOIN "TreatmentSession" x ON x.id = f."sessionId" JOIN "Site" s ON s.id = x."siteId" WHERE s.code = 'OUT-A' LIMIT 1) AS pmf,
    (SELECT a.id FROM "AdverseEvent" a JOIN "TreatmentSession" x ON x.id = a."sessionId" JOIN "Site" s ON s.id = x."siteId" WHERE s.code = 'OUT-A' LIMIT 1) AS ae,
    (SELECT version::text FROM "Site" WHERE code = 'OUT-A') AS "siteVersion"`);
  const patient = { siteId: ids.site, mrn: "SEC-0001", firstName: "Ann", lastName: "Lee", birthDate: "1980-01-01", sex: "FEMALE", indication: "TRD" };
  const lot = {
    siteId: ids.site,
    ndc: "50458-028-02",
    lotNumber: "SEC1",
    expiresOn: "2028-01-31",
    deviceCount: 6,
    supplier: "Cardinal",
    receivedById: ids.nurse,
  };
  const trial = {
    drug: "Sertraline",
    mechanismClass: "SSRI",
    doseMg: 100,
    adequateDose: true,
    weeks: 8,
    adherent: true,
    outcome: "NO_RESPONSE",
    startedOn: "2024-01-01",
  };
  const user = { firstName: "Rosa", lastName: "Diaz", email: "rosa.sec@example.com", role: "NURSE", password: "a-long-enough-password", siteIds: [ids.site] };
  const s = `/api/sessions/${ids.session}`;
  const cases: Case[] = [];
  const add = (who: Who, method: Case["method"], url: string, base: object, field: string, values: [string, unknown][]) => {
    for (const [label, v] of values)
      cases.push({ name: `${url.replace(/[a-z0-9]{20,}/g, ":id")} ${field} ${label}`, who, method, url, body: { ...base, [field]: v }, field });
  };
  const controls = (prefix: string) => CONTROL_CHARS.map(([n, c]) => [n, `${prefix}${c}x`] as [string, unknown]);

  // Names and other text: NUL and every bidirectional control.
  add("nurse", "POST", "/api/patients", patient, "firstName", controls("Ann"));
  add("nurse", "POST", "/api/patients", patient, "lastName", controls("Lee"));
  add("admin", "POST", "/api/admin/users", user, "firstName", controls("Rosa").slice(0, 4));
  add("admin", "POST", "/api/inventory/lots", lot, "supplier", controls("Cardinal").slice(0, 3));
  add("nurse", "POST", `${s}/deviations`, { description: "Left early", reason: "Ride arrived early" }, "reason", controls("Because").slice(6));
  add("psych", "POST", `/api/patients/${ids.patient}/trials`, trial, "drug", [
    ["NUL", "Sert\u0000raline"],
    ["RLO", "\u202Eenilartres"],
  ]);
  add("admin", "POST", `/api/reports/pmf/${ids.pmf}/amend`, { version: 1, reason: "Corrected the dose recorded" }, "reason", [
    ["NUL", "Corrected the dose\u0000 recorded"],
  ]);
  // Real calendar days and plausible ranges.
  add("nurse", "POST", "/api/patients", patient, "birthDate", [
    ["Feb 30", "1980-02-30"],
    ["month 13", "2026-13-45"],
    ["future", "2099-01-01"],
    ["before 1900", "1899-12-31"],
    ["no padding", "1980-2-3"],
    ["number", 19800101],
    ["array", ["1980-01-01"]],
    ["empty", ""],
    ["object", { y: 1980 }],
    ["ISO instant", "1980-01-01T00:00:00Z"],
  ]);
  add("admin", "POST", "/api/inventory/lots", lot, "expiresOn", [
    ["Feb 30", "2027-02-30"],
    ["month 13", "2026-13-45"],
    ["before approval", "1999-01-01"],
    ["far future", "2099-01-01"],
  ]);
  add("admin", "POST", "/api/inventory/lots", lot, "receivedAt", [
    ["1900", "1900-01-01T00:00:00Z"],
    ["zone-less", "2026-01-05T10:00:00"],
    ["future", "2099-01-01T00:00:00Z"],
    ["Feb 30", "2026-02-30T10:00:00Z"],
    ["epoch number", 1767600000000],
  ]);
  add("psych", "POST", `/api/patients/${ids.patient}/trials`, trial, "startedOn", [
    ["2099", "2099-01-01"],
    ["Feb 30", "2024-02-30"],
    ["1899", "1899-06-01"],
    ["month 13", "2024-13-01"],
  ]);
  add("psych", "POST", `/api/patients/${ids.patient}/transfers`, { toSettingName: "Elsewhere", transferDate: "2026-01-05" }, "transferDate", [
    ["month 13", "2026-13-45"],
    ["Feb 30", "2026-02-30"],
    ["1900", "1900-01-01"],
  ]);
  add("admin", "POST", `/api/admin/sites/${ids.site}/authorized-representative`, { name: "Dr. New" }, "fromDate", [
    ["month 13", "2026-13-45"],
    ["Feb 30", "2025-02-30"],
  ]);
  add(
    "admin",
    "POST",
    "/api/admin/rems",
    {
      pmfFormVersion: "v2",
      minObservationMinutes: 120,
      pmfDueDays: 7,
      deviceSpacingMinutes: 5,
      fortyMinuteTargetMinutes: 40,
      fortyMinuteWindowStart: 30,
      fortyMinuteWindowEnd: 50,
      preDoseBpGateSystolic: 140,
      preDoseBpGateDiastolic: 90,
      preCompletionBpWindowMinutes: 15,
    },
    "effectiveOn",
    [
      ["Feb 30", "2027-02-30"],
      ["month 13", "2027-13-01"],
    ],
  );
  add("admin", "POST", `/api/reports/adverse-events/${ids.ae}/reported-to-rems`, { version: 1, reference: "REMS-123" }, "reportedOn", [
    ["month 13", "2026-13-45"],
    ["future", "2099-01-01"],
    ["1900", "1900-01-01"],
  ]);
  // Strict numbers: no array, text or boolean read as a number.
  const vitals = { kind: "EXTRA", systolic: 120, diastolic: 80, heartRate: 70, spo2: 98 };
  add("nurse", "POST", `${s}/vitals`, vitals, "systolic", [
    ["array", [120]],
    ["text", "120"],
    ["boolean", true],
    ["object", { v: 120 }],
    ["fraction", 120.5],
    ["too high", 301],
    ["exponent text", "1.2e2"],
  ]);
  add("nurse", "POST", `${s}/vitals`, vitals, "heartRate", [
    ["array", [70]],
    ["text", "70"],
    ["negative", -5],
  ]);
  add("nurse", "POST", `${s}/vitals`, vitals, "spo2", [
    ["array", [98]],
    ["over 100", 101],
  ]);
  add("nurse", "POST", `${s}/vitals`, vitals, "takenAt", [
    ["zone-less", "2026-01-05T10:00:00"],
    ["month 13", "2026-13-45T10:00:00Z"],
    ["words", "yesterday"],
    ["epoch number", 1767600000000],
    ["array", ["2026-01-05T10:00:00Z"]],
  ]);
  add("nurse", "POST", `${s}/sedation`, {}, "moaas", [
    ["array", [3]],
    ["text", "3"],
    ["too high", 6],
    ["fraction", 2.5],
  ]);
  add("nurse", "POST", `${s}/dissociation`, { present: true, scale: "CADSS6" }, "itemScores", [
    ["text items", ["1", "1", "1", "1", "1", "1"]],
    ["nested arrays", [[1], [1], [1], [1], [1], [1]]],
    ["out of range", [5, 0, 0, 0, 0, 0]],
  ]);
  add("nurse", "POST", `${s}/adverse-events`, { type: "OTHER", description: "Nausea after the dose" }, "onsetAt", [
    ["zone-less", "2026-01-05T10:00"],
    ["Feb 30", "2026-02-30T10:00:00Z"],
  ]);
  add("admin", "POST", "/api/inventory/lots", lot, "deviceCount", [
    ["array", [6]],
    ["text", "6"],
    ["fraction", 6.5],
  ]);
  add("admin", "POST", `/api/inventory/lots/${ids.lot}/counts`, {}, "countedDevices", [
    ["array", [1]],
    ["text", "1"],
    ["boolean", true],
    ["negative", -1],
  ]);
  add("psych", "POST", `/api/patients/${ids.patient}/trials`, trial, "weeks", [
    ["text", "8"],
    ["array", [8]],
  ]);
  add("psych", "POST", `/api/patients/${ids.patient}/trials`, trial, "doseMg", [
    ["array", [100]],
    ["text", "100"],
  ]);
  add("admin", "PATCH", `/api/admin/sites/${ids.site}`, { version: Number(ids.siteVersion) }, "postDoseAlertSystolic", [
    ["text", "180"],
    ["array", [180]],
  ]);
  add("admin", "PATCH", `/api/admin/sites/${ids.site}`, {}, "version", [
    ["text", ids.siteVersion],
    ["array", [Number(ids.siteVersion)]],
  ]);
  add("admin", "POST", `/api/reports/pmf/${ids.pmf}/submit`, { version: 1, channel: "FAX", confirmation: "FAX-1" }, "submittedAt", [
    ["zone-less", "2026-01-05T10:00:00"],
    ["1900", "1900-01-01T00:00:00Z"],
  ]);
  // Types of text fields: an array or a number is not a string.
  add("nurse", "POST", "/api/patients", patient, "mrn", [
    ["array", ["A-1"]],
    ["number", 1234],
    ["object", { mrn: "A-1" }],
  ]);
  add("admin", "POST", "/api/admin/users", user, "email", [
    ["array", ["a@example.com"]],
    ["RLO", "\u202Emoc.elpmaxe@a"],
  ]);
  add("admin", "POST", "/api/admin/users", user, "siteIds", [
    ["string", ids.site],
    ["NUL id", [`${ids.site}\u0000`]],
  ]);
  return cases;
}

test.describe("bad-input corpus", () => {
  test("every malformed request is refused at its field (4xx naming it), never a 500, and leaves every table as it was", async () => {
    test.setTimeout(240_000);
    const cases = await corpus();
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const who = { nurse, psych, admin };
    const failures: string[] = [];
    const before = await rowCounts();
    const versionsBefore = await versions();
    for (const c of cases) {
      const countsBefore = await rowCounts();
      const res = await who[c.who].api.fetch(c.url, { method: c.method, headers: { "content-type": "application/json" }, data: JSON.stringify(c.body) });
      const body = (await res.json().catch(() => null)) as { fieldErrors?: Record<string, string[]> } | null;
      const fields = Object.keys(body?.fieldErrors ?? {});
      if (res.status() < 400 || res.status() >= 500) failures.push(`${c.name}: status ${res.status()}`);
      else if (!fields.some((f) => f === c.field || f.startsWith(`${c.field}.`)))
        failures.push(`${c.name}: ${res.status()} names ${JSON.stringify(fields)}, not ${c.field}`);
      const countsAfter = await rowCounts();
      const changed = TABLES.filter((t) => countsAfter[t] !== countsBefore[t]);
      if (changed.length) failures.push(`${c.name}: rows changed in ${changed.join(", ")}`);
    }
    expect(failures, failures.join("\n")).toEqual([]);
    expect(await rowCounts()).toEqual(before);
    expect(await versions()).toEqual(versionsBefore);
  });

  test("a body that is not an object, or not JSON, is refused as the body (422), not a 500", async () => {
    for (const data of ["[1,2,3]", '"text"', "null", "{not json", '{"firstName":"a\\u0000"}']) {
      const res = await nurse.api.post("/api/patients", { headers: { "content-type": "application/json" }, data });
      expect(res.status(), data).toBe(422);
    }
  });
});

/** Every exported method of every route handler under app/api, with "x" in each dynamic segment of its path. */
function apiHandlers(): { url: string; method: string }[] {
  const root = path.join(process.cwd(), "app");
  const files = (fs.readdirSync(path.join(root, "api"), { recursive: true }) as string[]).filter((f) => f.endsWith("route.ts"));
  return files.flatMap((f) => {
    const url =
      "/api/" +
      path
        .dirname(f)
        .split(path.sep)
        .filter((seg) => !/^\(.*\)$/.test(seg))
        .map((seg) => (seg.startsWith("[") ? "x" : seg))
        .join("/");
    const source = fs.readFileSync(path.join(root, "api", f), "utf8");
    const methods = new Set(
      source
        .split("\n")
        .filter((l) => l.startsWith("export"))
        .flatMap((l) => l.match(/\b(GET|POST|PUT|PATCH|DELETE)\b/g) ?? []),
    );
    return [...methods].map((method) => ({ url: url.replace(/\/\.$/, ""), method }));
  });
}
