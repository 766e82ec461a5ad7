import { expect, test } from "./helpers/test";
import { generate } from "otplib";
import { DEMO_PASSWORD, signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

// Optional two-step sign-in for a psychiatrist: set up from "Your password", then the sign-in form asks for the code.
test.use({ viewport: { width: 820, height: 1180 } });

test("a psychiatrist turns on two-step sign-in; signing in then asks for the app's code, and a recovery code works once", async ({ page, browser }) => {
  const id = `totp-psych-${Date.now().toString(36)}`;
  const email = `${id}@example.com`;
  await sql(
    `INSERT INTO "User" (id, email, "firstName", "lastName", role, "passwordHash", "updatedAt")
             SELECT $1, $2, 'Tomas', 'Vega', 'PSYCHIATRIST', "passwordHash", now() FROM "User" WHERE email = 'psych@example.com'`,
    [id, email],
  );
  await sql(`INSERT INTO "UserSite" ("userId", "siteId") SELECT $1, id FROM "Site" WHERE code = 'OUT-A'`, [id]);

  await signIn(page, email);
  await page.getByRole("link", { name: "Tomas Vega" }).click();
  await expect(page.getByRole("heading", { name: "Your password" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "does not match" })).toBeVisible();
  await page.getByLabel("Code from the app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent())!.trim();
  await page.screenshot({ path: "test-results/screens/two-step-recovery-codes.png", fullPage: true });

  // Signing in elsewhere: the password alone is not enough.
  const other = await (await browser.newContext({ viewport: { width: 820, height: 1180 } })).newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill(DEMO_PASSWORD);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByLabel("Authentication code")).toBeVisible();
  await expect(other).toHaveURL(/\/sign-in/);
  await other.screenshot({ path: "test-results/screens/sign-in-two-step.png" });
  await other.getByLabel("Authentication code").fill(recovery);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/\/review$/);

  // The recovery code is used up.
  const third = await (await browser.newContext()).newPage();
  await third.goto("/sign-in");
  await third.getByLabel("Email").fill(email);
  await third.getByLabel("Password").fill(DEMO_PASSWORD);
  await third.getByRole("button", { name: "Sign in" }).click();
  await third.getByLabel("Authentication code").fill(recovery);
  await third.getByRole("button", { name: "Sign in" }).click();
  await expect(third.getByRole("alert").filter({ hasText: "Sign-in failed" })).toBeVisible();
  const [used] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'auth.recovery_code_used' AND "entityId" = $1`, [id]);
  expect(Number(used.n)).toBe(1);
});

test("an administrator turns off a psychiatrist's two-step sign-in after a lost phone: their sessions end and the password alone signs in", async ({
  page,
  browser,
}) => {
  const id = `totp-lost-${Date.now().toString(36)}`;
  const email = `${id}@example.com`;
  await sql(
    `INSERT INTO "User" (id, email, "firstName", "lastName", role, "passwordHash", "totpSecret", "totpEnabledAt", "updatedAt")
             SELECT $1, $2, 'Ines', 'Duarte', 'PSYCHIATRIST', "passwordHash", 'sealed-secret', now(), now() FROM "User" WHERE email = 'psych@example.com'`,
    [id, email],
  );
  await sql(`INSERT INTO "UserSite" ("userId", "siteId") SELECT $1, id FROM "Site" WHERE code = 'OUT-A'`, [id]);

  await signIn(page, "admin@example.com");
  await page.goto(`/admin/users/${id}`);
  await expect(page.getByText("Two-step sign-in is on.")).toBeVisible();
  await page.getByRole("button", { name: "Turn off two-step sign-in" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByLabel("Reason (how you checked who asked)")).toHaveCount(0);
  await page.getByRole("button", { name: "Turn off two-step sign-in" }).click();
  await page.getByRole("button", { name: "Confirm: turn it off" }).click();
  await expect(page.getByText(/Give the reason/)).toBeVisible();
  await page.getByLabel("Reason (how you checked who asked)").fill("Lost phone; identity checked at the front desk");
  await page.getByRole("button", { name: "Confirm: turn it off" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Two-step sign-in is off for Ines Duarte" })).toBeVisible();
  await expect(page.getByText("Two-step sign-in is on.")).toHaveCount(0);

  const psych = await (await browser.newContext({ viewport: { width: 820, height: 1180 } })).newPage();
  await signIn(psych, email);
  await expect(psych).toHaveURL(/\/review$/);
  const [audit] = await sql<{ reason: string }>(`SELECT reason FROM "AuditEvent" WHERE action = 'user.totp_reset' AND "entityId" = $1`, [id]);
  expect(audit.reason).toBe("Lost phone; identity checked at the front desk");
});
