import { expect, test } from "@playwright/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

test.describe("administrator: users", () => {
  test("creates a user, with field messages for bad input and a 422 from the server", async ({ page }) => {
    await signIn(page, "admin@example.com");
    await page.getByRole("link", { name: "Users" }).click();
    await page.screenshot({ path: "test-results/screens/admin-users.png", fullPage: true });
    await page.getByRole("link", { name: "New user" }).click();
    await page.getByLabel("First name").fill("Rosa");
    await page.getByLabel("Last name").fill("Diaz");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Role").selectOption("NURSE");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByText("At least 12 characters").last()).toBeVisible();
    await expect(page.getByText("Choose at least one site")).toBeVisible();

    const bad = await page.request.post("/api/admin/users", { data: { firstName: "R", lastName: "D", email: "bad", role: "NURSE", password: "short", siteIds: [] } });
    expect(bad.status()).toBe(422);
    expect(Object.keys((await bad.json()).fieldErrors).sort()).toEqual(["email", "password", "siteIds"]);

    await page.getByLabel("Email").fill("nurse@example.com");
    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByLabel("Riverside Outpatient Clinic").check();
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByText("A user with this email already exists").first()).toBeVisible();

    await page.getByLabel("Email").fill("rosa.diaz@example.com");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("row", { name: /Rosa Diaz/ })).toContainText("Nurse");
    const [audit] = await sql<{ after: Record<string, unknown> }>(`SELECT after FROM "AuditEvent" WHERE action = 'user.create' ORDER BY id DESC LIMIT 1`);
    expect(JSON.stringify(audit.after)).not.toMatch(/argon2|passwordHash/);
  });

  test("a stale edit gets a conflict message instead of overwriting", async ({ page, browser }) => {
    await signIn(page, "admin@example.com");
    await page.goto("/admin/users");
    await page.getByRole("link", { name: "Sam Ortiz" }).click();
    await expect(page.getByRole("heading", { name: "Sam Ortiz" })).toBeVisible();
    const url = page.url();
    const other = await browser.newContext();
    const page2 = await other.newPage();
    await signIn(page2, "admin@example.com");
    await page2.goto(url);
    await page2.getByLabel("Telephone").fill("518-555-0777");
    await page2.getByRole("button", { name: "Save changes" }).click();
    await expect(page2.getByText("Saved.")).toBeVisible();
    await other.close();

    await page.getByLabel("Telephone").fill("518-555-0888");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Someone else changed this user" })).toBeVisible();
    const [row] = await sql<{ telephone: string }>(`SELECT telephone FROM "User" WHERE email = 'nurse2@example.com'`);
    expect(row.telephone).toBe("518-555-0777");
  });

  test("an administrator cannot disable their own account", async ({ page }) => {
    await signIn(page, "admin@example.com");
    const [me] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = 'admin@example.com'`);
    const res = await page.request.post(`/api/admin/users/${me.id}/status`, { data: { disabled: true, reason: "testing" } });
    expect(res.status()).toBe(422);
  });
});

test.describe("administrator: sites", () => {
  test("edits thresholds with a message at the field for an impossible value, then saves", async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await signIn(page, "admin@example.com");
    await page.getByRole("link", { name: "Sites" }).click();
    await page.getByRole("link", { name: "Riverside Outpatient Clinic" }).click();
    await page.getByLabel("Post-dose alert: diastolic above").fill("190");
    await page.getByLabel("SpO₂ alert below (%)").fill("101");
    await page.getByRole("button", { name: "Save site" }).click();
    await expect(page.getByText("At most 160")).toBeVisible();
    await expect(page.getByText("At most 99")).toBeVisible();
    const [site] = await sql<{ id: string; version: number }>(`SELECT id, version FROM "Site" WHERE code = 'OUT-A'`);
    const bad = await page.request.patch(`/api/admin/sites/${site.id}`, { data: { version: site.version, name: "x" } });
    expect(bad.status()).toBe(422);

    await page.getByLabel("Post-dose alert: diastolic above").fill("105");
    await page.getByLabel("SpO₂ alert below (%)").fill("92");
    await page.getByRole("button", { name: "Save site" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    const [saved] = await sql<{ postDoseAlertDiastolic: number; spo2AlertThreshold: number }>(`SELECT "postDoseAlertDiastolic", "spo2AlertThreshold" FROM "Site" WHERE code = 'OUT-A'`);
    expect(saved).toEqual({ postDoseAlertDiastolic: 105, spo2AlertThreshold: 92 });
    await page.screenshot({ path: "test-results/screens/admin-site.png", fullPage: true });
  });

  test("a change of authorized representative requires re-certification (R2)", async ({ page }) => {
    await signIn(page, "admin@example.com");
    await page.goto("/admin/sites");
    await page.getByRole("link", { name: "Lakeside Inpatient Unit" }).click();
    await page.getByRole("button", { name: "Change authorized representative" }).click();
    await page.getByRole("button", { name: "Save the change" }).click();
    await expect(page.getByText("Enter the new representative's name")).toBeVisible();
    await page.getByLabel("New representative's name").fill("Dr. Ana Ruiz");
    await page.getByLabel("Takes effect on").fill("2026-11-20");
    await page.getByRole("button", { name: "Save the change" }).click();
    await expect(page.getByText("Current: Dr. Ana Ruiz")).toBeVisible();
    await expect(page.getByText("Recertification required").first()).toBeVisible();
    await expect(page.getByText("Earlier: Dr. Omar Said (2024-05-20 – 2026-11-19)")).toBeVisible();
    const current = await sql(`SELECT 1 FROM "AuthorizedRepresentative" ar JOIN "Site" s ON s.id = ar."siteId" WHERE s.code = 'IN-B' AND ar."toDate" IS NULL`);
    expect(current).toHaveLength(1);
  });
});
