import { expect, test, type Page } from "./helpers/test";
import { DEMO_PASSWORD, signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

// Attributable signatures: an administrator never sets a password. They issue a one-time code; the nurse
// chooses her own password with it, signed out; her sessions end; the old password stops working.

const NEW_PASSWORD = "quartz-lantern-meadow-81";
const signInFailed = (page: Page) => page.getByRole("alert").filter({ hasText: "Sign-in failed" });

async function tryPassword(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("password reset with a one-time code", () => {
  test.use({ viewport: { width: 820, height: 1180 } });

  test("an administrator issues a code to a nurse; she sets a new password with it and signs in; the old one is refused", async ({ page, browser }) => {
    const email = `reset.nurse.${Date.now().toString(36)}@example.com`;
    const id = `reset-nurse-${Date.now().toString(36)}`;
    await sql(
      `INSERT INTO "User" (id, email, "firstName", "lastName", role, "passwordHash", "updatedAt")
               SELECT $1, $2, 'Rhea', 'Quill', 'NURSE', "passwordHash", now() FROM "User" WHERE email = 'nurse@example.com'`,
      [id, email],
    );
    await sql(`INSERT INTO "UserSite" ("userId", "siteId") SELECT $1, id FROM "Site" WHERE code = 'OUT-A'`, [id]);

    // The nurse is signed in on the chair-side tablet with her old password.
    const tablet = await (await browser.newContext()).newPage();
    await signIn(tablet, email, DEMO_PASSWORD);

    // The administrator issues a code from the user's page; it is shown once.
    await signIn(page, "admin@example.com");
    await page.goto(`/admin/users/${id}`);
    await expect(page.getByLabel("New password")).toHaveCount(0);
    await page.getByRole("button", { name: "Issue a one-time password code" }).click();
    const code = (await page.getByTestId("one-time-code").textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    await page.screenshot({ path: "test-results/screens/admin-user-reset-code.png", fullPage: true });
    const [issued] = await sql<{ after: Record<string, unknown> }>(
      `SELECT after FROM "AuditEvent" WHERE action = 'user.password_reset_issued' AND "entityId" = $1`,
      [id],
    );
    expect(JSON.stringify(issued.after)).not.toContain(code.replaceAll("-", "").slice(0, 8));

    // Signed out, on another device: the nurse chooses her own password with the code.
    const phone = await (await browser.newContext({ viewport: { width: 820, height: 1180 } })).newPage();
    await phone.goto("/sign-in");
    await phone.getByRole("link", { name: /Set a password with a code/ }).click();
    await expect(phone.getByRole("heading", { name: "Set a password with a code" })).toBeVisible();
    await phone.getByLabel("Email").fill(email);
    await phone.getByLabel("One-time code").fill(code.toLowerCase());
    await phone.getByLabel("New password", { exact: true }).fill("Password2026!!");
    await phone.getByLabel("New password again").fill("Password2026!!");
    await phone.getByRole("button", { name: "Set password" }).click();
    await expect(phone.getByRole("alert").filter({ hasText: "too common" })).toBeVisible();
    await phone.screenshot({ path: "test-results/screens/reset-password-policy.png", fullPage: true });
    await phone.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await phone.getByLabel("New password again").fill(NEW_PASSWORD);
    await phone.getByRole("button", { name: "Set password" }).click();
    await expect(phone.getByRole("status").filter({ hasText: "Your new password is set" })).toBeVisible();

    // Her tablet session ended with the reset.
    await tablet.reload();
    await expect(tablet).toHaveURL(/\/sign-in/);

    // The old password is refused; the new one signs her in.
    await tryPassword(phone, email, DEMO_PASSWORD);
    await expect(signInFailed(phone)).toBeVisible();
    await signIn(phone, email, NEW_PASSWORD);
    await expect(phone).toHaveURL(/\/board$/);

    // The code works once.
    const again = await page.request.post("/api/password/reset", {
      data: { email, code, password: "another-quiet-harbor-9", confirm: "another-quiet-harbor-9" },
    });
    expect(again.status()).toBe(422);
    expect(((await again.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.code[0]).toMatch(/already been used/);
    const [done] = await sql<{ actorEmail: string }>(`SELECT "actorEmail" FROM "AuditEvent" WHERE action = 'user.password_reset' AND "entityId" = $1`, [id]);
    expect(done.actorEmail).toBe(email); // the nurse set it, not the administrator
  });
});
