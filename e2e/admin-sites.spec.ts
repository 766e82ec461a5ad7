import { expect, test, type Page } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

// These tests change Lakeside Inpatient Unit (IN-B) and put it back as they found it, through the same
// screens, so the specs that run after them see the seeded site. A failed test restores it directly.
const SITE = "Lakeside Inpatient Unit";
const group = (page: Page, name: string) => page.getByRole("group", { name, exact: true });
const alertWith = (page: Page, text: string | RegExp) => page.getByRole("alert").filter({ hasText: text });

type SiteRow = { postDoseAlertDiastolic: number; spo2AlertThreshold: number; idleLockMinutes: number; certificationStatus: string; certifiedAt: Date | null };
const siteRow = async () =>
  (
    await sql<SiteRow>(
      `SELECT "postDoseAlertDiastolic", "spo2AlertThreshold", "idleLockMinutes", "certificationStatus", "certifiedAt" FROM "Site" WHERE code = 'IN-B'`,
    )
  )[0];

let seeded: SiteRow;
test.beforeAll(async () => {
  seeded = await siteRow();
});
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  await sql(
    `UPDATE "Site" SET "postDoseAlertDiastolic" = $1, "spo2AlertThreshold" = $2, "idleLockMinutes" = $3, "certificationStatus" = $4::"CertificationStatus", "certifiedAt" = $5 WHERE code = 'IN-B'`,
    [seeded.postDoseAlertDiastolic, seeded.spo2AlertThreshold, seeded.idleLockMinutes, seeded.certificationStatus, seeded.certifiedAt],
  );
});

async function openSite(page: Page) {
  await page.goto("/admin/sites");
  await page.getByRole("link", { name: SITE }).click();
  await expect(page.getByRole("heading", { name: SITE })).toBeVisible();
}

test.describe("administrator: sites", () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test("edits alert thresholds: an impossible value is refused at the field (and by the server), a possible one is saved", async ({ page }) => {
    await signIn(page, "admin@example.com");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sites" }).click();
    await expect(page).toHaveURL(/\/admin\/sites$/); // the home page (reports) also has rows naming the site
    await expect(page.getByRole("row", { name: /Riverside Outpatient Clinic/ })).toContainText("Outpatient");
    await expect(page.getByRole("row", { name: new RegExp(SITE) })).toContainText("Inpatient");
    await page.screenshot({ path: "test-results/screens/admin-sites.png", fullPage: true });
    await page.getByRole("link", { name: SITE }).click();
    await expect(page.getByRole("heading", { name: SITE })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/admin-site-edit.png", fullPage: true });

    await group(page, "Alert").getByLabel("Diastolic above").fill("190");
    await page.getByLabel("SpO₂ alert below (%)").fill("101");
    await group(page, "Urgent").getByLabel("Systolic above").fill("170");
    await page.getByRole("button", { name: "Save site" }).click();
    await expect(alertWith(page, "At most 160")).toBeVisible();
    await expect(alertWith(page, "At most 99")).toBeVisible();
    await expect(alertWith(page, "Must be at or above the alert level (180)")).toBeVisible();
    await expect(page.getByLabel("SpO₂ alert below (%)")).toHaveAttribute("aria-invalid", "true");
    await page.screenshot({ path: "test-results/screens/admin-site-errors.png", fullPage: true });

    // The server refuses the same impossible values with the same messages at the same fields.
    const [site] = await sql<{ id: string; version: number }>(`SELECT id, version FROM "Site" WHERE code = 'IN-B'`);
    const bad = await page.request.patch(`/api/admin/sites/${site.id}`, {
      data: {
        version: site.version,
        name: SITE,
        settingType: "INPATIENT",
        certificationStatus: "PENDING",
        address1: "1 Lake Rd",
        city: "Albany",
        state: "NY",
        zip: "1220",
        timeZone: "Mars/Olympus",
        postDoseAlertSystolic: 180,
        postDoseAlertDiastolic: 190,
        urgentSystolic: 200,
        urgentDiastolic: 170,
        spo2AlertThreshold: 101,
        idleLockMinutes: 0,
      },
    });
    expect(bad.status()).toBe(422);
    const errors = ((await bad.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(errors.postDoseAlertDiastolic).toContain("At most 160");
    expect(errors.spo2AlertThreshold).toEqual(["At most 99"]);
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(["zip", "timeZone", "idleLockMinutes", "urgentDiastolic"]));

    await group(page, "Alert").getByLabel("Diastolic above").fill("105");
    await page.getByLabel("SpO₂ alert below (%)").fill("92");
    await group(page, "Urgent").getByLabel("Systolic above").fill("200");
    await page.getByRole("button", { name: "Save site" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Site settings saved." })).toBeVisible();
    expect(await siteRow()).toMatchObject({ postDoseAlertDiastolic: 105, spo2AlertThreshold: 92 });
    const [audit] = await sql<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      `SELECT before, after FROM "AuditEvent" WHERE action = 'site.update' AND "entityId" = $1 ORDER BY id DESC LIMIT 1`,
      [site.id],
    );
    expect(audit.before).toMatchObject({ postDoseAlertDiastolic: seeded.postDoseAlertDiastolic, spo2AlertThreshold: seeded.spo2AlertThreshold });
    expect(audit.after).toMatchObject({ postDoseAlertDiastolic: 105, spo2AlertThreshold: 92 });

    // Put the seeded values back, through the form (a second save from the same page is not a conflict).
    await group(page, "Alert").getByLabel("Diastolic above").fill(String(seeded.postDoseAlertDiastolic));
    await page.getByLabel("SpO₂ alert below (%)").fill(String(seeded.spo2AlertThreshold));
    await page.getByRole("button", { name: "Save site" }).click();
    await expect
      .poll(async () => {
        const r = await siteRow();
        return [r.postDoseAlertDiastolic, r.spo2AlertThreshold];
      })
      .toEqual([seeded.postDoseAlertDiastolic, seeded.spo2AlertThreshold]);
    await expect(page.getByRole("status").filter({ hasText: "Site settings saved." })).toBeVisible();
  });

  test("a stale site form gets a conflict message instead of overwriting", async ({ page, context }) => {
    await signIn(page, "admin@example.com");
    await openSite(page);
    const stale = await context.newPage();
    await stale.goto(page.url());
    await expect(stale.getByRole("heading", { name: SITE })).toBeVisible();

    await page.getByLabel("Tablet lock after (minutes idle)").fill("9");
    await page.getByRole("button", { name: "Save site" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Site settings saved." })).toBeVisible();

    await stale.getByLabel("Tablet lock after (minutes idle)").fill("12");
    await stale.getByRole("button", { name: "Save site" }).click();
    await expect(alertWith(stale, "Someone else changed this site since you opened it")).toBeVisible();
    expect((await siteRow()).idleLockMinutes).toBe(9);

    await stale.getByRole("button", { name: "Reload" }).click();
    await expect(stale.getByLabel("Tablet lock after (minutes idle)")).toHaveValue("9");
    await stale.getByLabel("Tablet lock after (minutes idle)").fill(String(seeded.idleLockMinutes));
    await stale.getByRole("button", { name: "Save site" }).click();
    await expect(stale.getByRole("status").filter({ hasText: "Site settings saved." })).toBeVisible();
    expect((await siteRow()).idleLockMinutes).toBe(seeded.idleLockMinutes);
  });

  test("a change of authorized representative requires re-certification (R2), and re-certifying clears it", async ({ page }) => {
    await signIn(page, "admin@example.com");
    await openSite(page);
    const [{ id: siteId }] = await sql<{ id: string }>(`SELECT id FROM "Site" WHERE code = 'IN-B'`);
    const [before] = await sql<{ name: string }>(`SELECT name FROM "AuthorizedRepresentative" WHERE "siteId" = $1 AND "toDate" IS NULL`, [siteId]);

    await page.getByRole("button", { name: "Change authorized representative" }).click();
    await page.getByLabel("New representative's name").fill("");
    await page.getByLabel("Representative's email").fill("ana@");
    await page.getByRole("button", { name: "Record the change" }).click();
    await expect(alertWith(page, "Enter the new representative's name")).toBeVisible();
    await expect(alertWith(page, "Enter a valid email address")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/admin-site-ar-form.png", fullPage: true });

    await page.getByLabel("New representative's name").fill("Dr. Ana Ruiz");
    await page.getByLabel("Representative's email").fill("ana.ruiz@example.com");
    await page.getByLabel("Representative's phone").fill("518-555-0199");
    const today = await page.getByLabel("Takes over on").inputValue(); // prefilled with the site's today
    await page.getByRole("button", { name: "Record the change" }).click();

    await expect(page.getByRole("status").filter({ hasText: "The new authorized representative is recorded" })).toBeVisible();
    const arSection = page.getByRole("region", { name: "Authorized representative" });
    await expect(arSection).toContainText("Dr. Ana Ruiz");
    await expect(page.getByRole("status").filter({ hasText: "Recertification required" }).first()).toBeVisible();
    await expect(page.getByLabel("Certification status")).toHaveValue("RECERTIFICATION_REQUIRED");
    if (before) {
      await arSection.getByText(/Earlier representatives/).click();
      await expect(arSection).toContainText(before.name);
    }
    await page.screenshot({ path: "test-results/screens/admin-site-recert.png", fullPage: true });
    const current = await sql<{ name: string }>(`SELECT name FROM "AuthorizedRepresentative" WHERE "siteId" = $1 AND "toDate" IS NULL`, [siteId]);
    expect(current).toEqual([{ name: "Dr. Ana Ruiz" }]);
    const audits = await sql<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'site.ar_change' AND "entityId" = $1`, [siteId]);
    expect(Number(audits[0].n)).toBe(1);
    await page.goto("/admin/sites");
    await expect(page.getByRole("row", { name: new RegExp(SITE) })).toContainText("Recertification required");
    await expect(page.getByRole("row", { name: new RegExp(SITE) })).toContainText("Dr. Ana Ruiz");

    // The new representative re-certifies the site: certified again, dated on or after the change.
    await openSite(page);
    await page.getByLabel("Certification status").selectOption({ label: "Certified" });
    await page.getByLabel("Certified on").fill(today);
    await page.getByRole("button", { name: "Save site" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Site settings saved." })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Recertification required" })).toHaveCount(0);
    expect((await siteRow()).certificationStatus).toBe("ACTIVE");
  });

  test("a nurse cannot open or change a site", async ({ page }) => {
    await signIn(page, "nurse@example.com");
    const [{ id }] = await sql<{ id: string }>(`SELECT id FROM "Site" WHERE code = 'OUT-A'`);
    expect((await page.goto(`/admin/sites/${id}`))?.status()).toBe(403);
    const res = await page.request.post(`/api/admin/sites/${id}/authorized-representative`, { data: { name: "Dr. Nobody", fromDate: "2026-01-01" } });
    expect(res.status()).toBe(403);
  });
});
