import { expect, test, type Page } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql, userId } from "./helpers/db";

// Our messages, not Next's route announcer (also role="alert").
const alertWith = (page: Page, text: string | RegExp) => page.getByRole("alert").filter({ hasText: text });
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** Setup through the API as the signed-in administrator: a nurse at Riverside to work on (and her one-time code). */
async function createNurse(page: Page, first: string, last: string) {
  const email = `${first}.${last}.${unique()}@example.com`.toLowerCase();
  const [site] = await sql<{ id: string }>(`SELECT id FROM "Site" WHERE code = 'OUT-A'`);
  const res = await page.request.post("/api/admin/users", { data: { firstName: first, lastName: last, email, role: "NURSE", siteIds: [site.id] } });
  expect(res.status()).toBe(201);
  const { data } = (await res.json()) as { data: { id: string; code: string } };
  return { id: data.id, code: data.code, email, name: `${first} ${last}` };
}

/** The new user sets their own password with the code, signed out, in a browser of their own. */
async function setPasswordWithCode(page: Page, email: string, code: string, password: string) {
  await page.goto("/reset-password");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("One-time code").fill(code);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("status").or(page.getByRole("alert")).filter({ hasText: "Your new password is set" })).toBeVisible();
}

test.describe("administrator: users", () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test("creates a user: bad input gets messages at the fields, the server answers 422 to the same input, and the new user can sign in", async ({
    page,
    browser,
  }) => {
    await signIn(page, "admin@example.com");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
    await expect(page.getByRole("row", { name: /Nora Bishop/ })).toContainText("Riverside Outpatient Clinic");
    await page.screenshot({ path: "test-results/screens/admin-users.png", fullPage: true });

    await page.getByRole("link", { name: "New user" }).click();
    await expect(page.getByRole("heading", { name: "New user" })).toBeVisible();
    await page.getByLabel("First name").fill("Rosa");
    await page.getByLabel("Last name").fill("Diaz");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Role").selectOption({ label: "Nurse" });
    await expect(page.getByLabel("Password")).toHaveCount(0); // nobody types another person's password
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(alertWith(page, "Enter a valid email address")).toBeVisible();
    await expect(alertWith(page, "Choose at least one site")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/admin\/users\/new$/);
    await page.screenshot({ path: "test-results/screens/admin-user-new-errors.png", fullPage: true });

    // The same bad input sent straight to the server is refused with the same field messages.
    const bad = await page.request.post("/api/admin/users", {
      data: { firstName: "Rosa", lastName: "Diaz", email: "not-an-email", role: "NURSE", password: "a-long-enough-password", siteIds: [] },
    });
    expect(bad.status()).toBe(422);
    const badBody = (await bad.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(badBody.fieldErrors).sort()).toEqual(["email", "password", "siteIds"]);
    expect(badBody.fieldErrors.password).toEqual(["Administrators do not set passwords: issue a one-time code instead"]);

    // An email already in use is refused at the email field.
    await page.getByLabel("Email").fill("Nurse@Example.com");
    await page.getByRole("checkbox", { name: "Riverside Outpatient Clinic" }).check();
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(alertWith(page, "A user with this email already exists")).toBeVisible();

    const email = `rosa.diaz.${unique()}@example.com`;
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Create user" }).click();
    // The one-time code is shown once, here; the account has no password until its owner chooses one.
    const code = (await page.getByTestId("one-time-code").textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    await page.screenshot({ path: "test-results/screens/admin-user-created-code.png", fullPage: true });
    await page.getByRole("link", { name: "Done: I have given the code" }).click();
    await expect(page).toHaveURL(/\/admin\/users\?created=/);
    await expect(page.getByRole("status").filter({ hasText: "Rosa Diaz was created" })).toBeVisible();
    const row = page.getByRole("row", { name: new RegExp(email.replaceAll(".", "\\.")) });
    await expect(row).toContainText("Nurse");
    await expect(row).toContainText("Riverside Outpatient Clinic");
    await expect(row).toContainText("Active");
    await expect(row).toContainText("Never");

    const [audit] = await sql<{ after: Record<string, unknown> }>(`SELECT after FROM "AuditEvent" WHERE action = 'user.create' AND after->>'email' = $1`, [
      email,
    ]);
    expect(audit.after).toMatchObject({ email, role: "NURSE", passwordSet: false });
    expect(JSON.stringify(audit.after)).not.toMatch(/argon2|passwordHash/);

    const rosa = await browser.newContext();
    const rosaPage = await rosa.newPage();
    await setPasswordWithCode(rosaPage, email, code, "copper-meadow-violin-42");
    await signIn(rosaPage, email, "copper-meadow-violin-42");
    await expect(rosaPage).toHaveURL(/\/board$/);
    await rosa.close();
  });

  test("edits a user, and a stale second page gets a conflict message instead of overwriting", async ({ page, context }) => {
    await signIn(page, "admin@example.com");
    const nurse = await createNurse(page, "Tomas", "Reyes");
    await page.goto("/admin/users");
    await page.getByRole("link", { name: nurse.name }).click();
    await expect(page.getByRole("heading", { name: nurse.name })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/admin-user-edit.png", fullPage: true });

    // A second page opened on the same user before the first one saves.
    const stale = await context.newPage();
    await stale.goto(page.url());
    await expect(stale.getByLabel("First name")).toHaveValue("Tomas");

    await page.getByLabel("Telephone").fill("518-555-0777");
    await page.getByRole("checkbox", { name: "Lakeside Inpatient Unit" }).check();
    await page.getByLabel("Role").selectOption({ label: "Psychiatrist" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Changes saved." })).toBeVisible();
    // Saving again from the same page is not a conflict: it sends the version it got back.
    await page.getByLabel("Last name").fill("Reyes-Luna");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { name: "Tomas Reyes-Luna" })).toBeVisible();

    await stale.getByLabel("Telephone").fill("518-555-0888");
    await stale.getByRole("button", { name: "Save changes" }).click();
    await expect(alertWith(stale, "Someone else changed this user since you opened it")).toBeVisible();
    await stale.screenshot({ path: "test-results/screens/admin-user-conflict.png", fullPage: true });
    const [row] = await sql<{ telephone: string; role: string; lastName: string }>(`SELECT telephone, role, "lastName" FROM "User" WHERE id = $1`, [nurse.id]);
    expect(row).toEqual({ telephone: "518-555-0777", role: "PSYCHIATRIST", lastName: "Reyes-Luna" });
    // Reload shows the other change; the form can then be saved.
    await stale.getByRole("button", { name: "Reload" }).click();
    await expect(stale.getByLabel("Telephone")).toHaveValue("518-555-0777");
    await expect(stale.getByLabel("Last name")).toHaveValue("Reyes-Luna");

    await page.goto("/admin/users");
    await expect(page.getByRole("row", { name: /Tomas Reyes-Luna/ })).toContainText("Psychiatrist");
    await expect(page.getByRole("row", { name: /Tomas Reyes-Luna/ })).toContainText("Lakeside Inpatient Unit");
    const updates = await sql<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'user.update' AND "entityId" = $1`, [nurse.id]);
    expect(Number(updates[0].n)).toBe(2);
  });

  test("an administrator cannot set a user's password: the edit form has no password and the API refuses one", async ({ page }) => {
    await signIn(page, "admin@example.com");
    const nurse = await createNurse(page, "Ines", "Park");
    await page.goto(`/admin/users/${nurse.id}`);
    await expect(page.getByLabel("New password")).toHaveCount(0);
    const [row] = await sql<{ version: number; passwordHash: string }>(`SELECT version, "passwordHash" FROM "User" WHERE id = $1`, [nurse.id]);
    const res = await page.request.patch(`/api/admin/users/${nurse.id}`, {
      data: {
        firstName: "Ines",
        lastName: "Park",
        email: nurse.email,
        role: "NURSE",
        siteIds: [(await sql<{ id: string }>(`SELECT id FROM "Site" WHERE code = 'OUT-A'`))[0].id],
        version: row.version,
        password: "an-admin-chosen-password",
      },
    });
    expect(res.status()).toBe(422);
    expect(((await res.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.password).toEqual([
      "Administrators do not set passwords: issue a one-time code instead",
    ]);
    const [after] = await sql<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE id = $1`, [nurse.id]);
    expect(after.passwordHash).toBe(row.passwordHash);
  });

  test("disables a user only with a reason, and enables them again", async ({ page }) => {
    await signIn(page, "admin@example.com");
    const nurse = await createNurse(page, "Leo", "Grant");
    await page.goto(`/admin/users/${nurse.id}`);
    await page.getByRole("button", { name: "Disable user" }).click();
    await expect(page.getByRole("status").filter({ hasText: "signed out of every device" })).toBeVisible();
    await page.getByRole("button", { name: "Confirm disable" }).click();
    await expect(alertWith(page, "Give the reason")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/admin-user-disable.png", fullPage: true });
    await page.getByLabel("Reason").fill("Left the clinic");
    await page.getByRole("button", { name: "Confirm disable" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Leo Grant is disabled" })).toBeVisible();
    await expect(page.getByText("Disabled since")).toBeVisible();
    const [audit] = await sql<{ reason: string }>(`SELECT reason FROM "AuditEvent" WHERE action = 'user.disable' AND "entityId" = $1`, [nurse.id]);
    expect(audit.reason).toBe("Left the clinic");
    await page.goto("/admin/users");
    await expect(page.getByRole("row", { name: /Leo Grant/ })).toContainText("Disabled");

    await page.getByRole("link", { name: "Leo Grant" }).click();
    await page.getByRole("button", { name: "Enable user" }).click();
    await page.getByLabel("Reason").fill("Came back");
    await page.getByRole("button", { name: "Confirm enable" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Leo Grant can sign in again" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Disable user" })).toBeVisible();
  });

  test("an administrator cannot disable their own account, on the page or through the API", async ({ page }) => {
    await signIn(page, "admin@example.com");
    const me = await userId("admin@example.com");
    await page.goto(`/admin/users/${me}`);
    await expect(page.getByText("You cannot disable your own account")).toBeVisible();
    await expect(page.getByRole("button", { name: "Disable user" })).toHaveCount(0);
    const res = await page.request.post(`/api/admin/users/${me}/disable`, { data: { reason: "testing" } });
    expect(res.status()).toBe(422);
    expect(((await res.json()) as { message: string }).message).toMatch(/cannot disable your own account/);
  });

  test("a nurse cannot create users: the page and the API refuse", async ({ page }) => {
    await signIn(page, "nurse@example.com");
    expect((await page.goto("/admin/users/new"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    const res = await page.request.post("/api/admin/users", {
      data: { firstName: "X", lastName: "Y", email: "x.y@example.com", role: "ADMIN", password: "a-long-enough-password", siteIds: [] },
    });
    expect(res.status()).toBe(403);
  });
});
