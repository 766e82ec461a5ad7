import { readFileSync } from "node:fs";
import { expect, request as playwrightRequest, test } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";
import { device, preparedSession, releaseChair } from "./helpers/session-api";

// Issue 15: read-only API tokens, a session as a FHIR Bundle, the bulk NDJSON export and who may use them.
test("an administrator creates a token (shown once) that reads a session Bundle and nothing else; revoked, it is refused", async ({ page, browser }) => {
  // A session of our own at Riverside, prepared through the API as its nurse.
  const nurse = await browser.newPage();
  await signIn(nurse, "nurse@example.com");
  const s = await preparedSession(nurse.request);
  await device(nurse.request, s.id, 20);
  await releaseChair(nurse.request, s.id); // a closed session exports the same; its chair is free for other specs
  await nurse.close();

  await page.setViewportSize({ width: 820, height: 1180 });
  await signIn(page, "admin@example.com");
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  const name = `EHR engine ${Date.now()}`;
  // (Retried: a click before the page is interactive submits the plain form, which only reloads the page.)
  await expect(async () => {
    await page.getByLabel("Client name").fill(name);
    await page.getByLabel("Riverside Outpatient Clinic").check();
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByTestId("new-token-secret")).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  const secret = (await page.getByTestId("new-token-secret").textContent())!.trim();
  expect(secret).toMatch(/^est_/);
  await page.screenshot({ path: test.info().outputPath("api-tokens-820.png"), fullPage: true });
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Never");
  // Shown once: after a reload the page has only the prefix.
  await page.reload();
  await expect(page.getByTestId("new-token-secret")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(secret);

  const machine = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  const auth = { authorization: `Bearer ${secret}` };
  const res = await machine.get(`/api/fhir/sessions/${s.id}`, { headers: auth });
  expect(res.status(), await res.text()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/fhir+json");
  const bundle = await res.json();
  expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
  const types = bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType);
  expect(types).toEqual(expect.arrayContaining(["Patient", "Encounter", "MedicationAdministration", "Observation"]));
  // A token works only on the FHIR read routes: not on another GET, not on a write.
  expect((await machine.get("/api/board", { headers: auth })).status()).toBe(401);
  expect((await machine.post(`/api/sessions/${s.id}/vitals`, { headers: auth, data: { kind: "EXTRA", systolic: 120, diastolic: 80 } })).status()).toBe(401);
  // Lakeside is not among its sites.
  const [lakeside] = await sql<{ id: string }>(`SELECT id FROM "Site" WHERE code = 'IN-B'`);
  expect((await machine.get(`/api/fhir/export?site=${lakeside.id}&from=2026-01-01&to=2026-01-31`, { headers: auth })).status()).toBe(404);
  const [use] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'fhir.read' AND "entityId" = $1 AND "actorRole" = 'API_TOKEN'`,
    [s.id],
  );
  expect(use.n).toBe(1);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
  await expect(row).not.toContainText("Never");
  await page.screenshot({ path: test.info().outputPath("api-tokens-1280.png"), fullPage: true });
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await row.getByRole("button", { name: `Revoke now: ${name}` }).click();
  await expect(row).toContainText("Revoked");
  expect((await machine.get(`/api/fhir/sessions/${s.id}`, { headers: auth })).status()).toBe(401);
  await machine.dispose();
});

test("an administrator exports a site's sessions as NDJSON with progress and reads a file back; a nurse gets 403", async ({ page, browser }) => {
  const nurse = await browser.newPage();
  await signIn(nurse, "nurse@example.com");
  const s = await preparedSession(nurse.request);
  await device(nurse.request, s.id, 20);
  await releaseChair(nurse.request, s.id);
  const [riverside] = await sql<{ id: string }>(`SELECT id FROM "Site" WHERE code = 'OUT-A'`);
  const today = new Date().toISOString().slice(0, 10);
  expect((await nurse.request.get(`/api/fhir/export?site=${riverside.id}&from=${today}&to=${today}&type=Observation`)).status()).toBe(403);
  // Staff of the site read one session's Bundle themselves.
  expect((await nurse.request.get(`/api/fhir/sessions/${s.id}`)).status()).toBe(200);
  await nurse.goto("/admin/fhir-export");
  await expect(nurse.getByRole("heading", { name: "FHIR export" })).toHaveCount(0);
  await nurse.close();

  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "admin@example.com");
  await page.getByRole("link", { name: "FHIR export" }).click();
  await expect(page.getByRole("heading", { name: "FHIR export" })).toBeVisible();
  await page.getByLabel("Site", { exact: true }).selectOption({ label: "Riverside Outpatient Clinic" });
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("From (check-in day)").fill(yesterday);
  await page.getByLabel("To (check-in day)").fill(tomorrow);
  await page.getByRole("button", { name: "Export as FHIR NDJSON" }).click();
  await expect(page.getByRole("status").filter({ hasText: "files are ready" })).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: test.info().outputPath("fhir-export-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.screenshot({ path: test.info().outputPath("fhir-export-820.png"), fullPage: true });
  const link = page.getByRole("link", { name: /^MedicationAdministration-.*\.ndjson$/ });
  const download = page.waitForEvent("download");
  await link.click();
  const file = readFileSync((await (await download).path())!, "utf8");
  const lines = file.trim().split("\n");
  expect(lines.length).toBeGreaterThan(0);
  for (const l of lines) expect(JSON.parse(l).resourceType).toBe("MedicationAdministration");
  expect(file).toContain('"code":"50458-028-00"');
  const [audit] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'fhir.export' AND "siteId" = $1 AND "actorEmail" = 'admin@example.com'`,
    [riverside.id],
  );
  expect(audit.n).toBeGreaterThanOrEqual(10);
  // A date range ending before it starts is refused with the field's message.
  const bad = await page.request.get(`/api/fhir/export?site=${riverside.id}&from=${tomorrow}&to=${yesterday}`);
  expect(bad.status()).toBe(422);
  expect((await bad.json()).fieldErrors.to).toEqual(["The end date is before the start date"]);
});

test("every seeded session's resources validate against R4 (and the vital-signs profiles) and pass the code checks", async ({ page }) => {
  test.setTimeout(300_000);
  const { validate } = await import("../lib/fhir/testing/validator");
  const { codeProblems } = await import("../lib/fhir/schema");
  const { VITAL_PROFILE_BASES } = await import("../lib/fhir/profiles");
  await signIn(page, "admin@example.com");
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const problems: string[] = [];
  let resources = 0;
  const check = (r: { resourceType: string; id?: string; meta?: { profile?: string[] } }) => {
    resources++;
    const p = r.meta?.profile?.[0];
    const base = p ? VITAL_PROFILE_BASES[p] : undefined;
    for (const i of [...validate(r as never), ...(base ? validate(r as never, base) : [])])
      problems.push(`${r.resourceType}/${r.id}: ${i.details?.text ?? i.diagnostics}`);
    for (const c of codeProblems(r as never)) problems.push(`${r.resourceType}/${r.id}: ${c}`);
  };
  for (const { id: site } of await sql<{ id: string }>(`SELECT id FROM "Site" ORDER BY code`)) {
    const q = `site=${site}&from=2019-03-05&to=${tomorrow}`;
    const summary = await (await page.request.get(`/api/fhir/export?${q}`)).json();
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "TreatmentSession" WHERE "siteId" = $1 AND "checkedInAt" IS NOT NULL`, [site]);
    expect(summary.data.sessions).toBe(n);
    for (const type of summary.data.types as string[]) {
      const text = await (await page.request.get(`/api/fhir/export?${q}&type=${type}`)).text();
      for (const line of text.split("\n").filter(Boolean)) {
        const r = JSON.parse(line);
        expect(r.resourceType).toBe(type);
        check(r);
      }
    }
  }
  // Sessions never checked in are outside every date range: their Bundles one by one.
  for (const { id } of await sql<{ id: string }>(`SELECT id FROM "TreatmentSession" WHERE "checkedInAt" IS NULL`)) {
    const b = await (await page.request.get(`/api/fhir/sessions/${id}`)).json();
    for (const e of b.entry) check(e.resource);
  }
  expect(resources).toBeGreaterThan(100);
  expect(problems.slice(0, 20)).toEqual([]);
});
