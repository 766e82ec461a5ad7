import { expect, test, type Page } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { auditActions, sql, userId } from "./helpers/db";

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link");
// Next's route announcer is also role="alert": pick ours by its text.
const signInError = (page: Page) => page.getByRole("alert").filter({ hasText: "Sign-in failed" });

test.describe("signing in and navigation by role", () => {
  for (const [email, home, links] of [
    ["nurse@example.com", "/board", ["Chair board", "Schedule", "Patients"]],
    ["psych@example.com", "/review", ["Review", "Patients", "Authorizations"]],
    [
      "admin@example.com",
      "/reports",
      ["Reports", "Authorizations", "Inventory", "Users", "Sites", "REMS parameters", "Import patients", "Audit log", "FHIR export", "API tokens"],
    ],
  ] as const) {
    test(`${email} lands on ${home} and sees only their navigation`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(new RegExp(`${home}$`));
      await expect(nav(page)).toHaveText([...links]);
      await page.screenshot({ path: `test-results/screens/home-${email.split("@")[0]}.png` });
    });
  }

  test("a wrong password gets one generic message and a 401, and is audited", async ({ page }) => {
    const since = new Date(Date.now() - 1000);
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("psych@example.com");
    await page.getByLabel("Password").fill("not-the-password");
    const response = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    expect((await response).status()).toBe(401);
    await expect(signInError(page)).toContainText("Sign-in failed. Check your email and password.");
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await auditActions("psych@example.com", since)).toContain("auth.login_failed");
  });

  test("empty fields get a message at each field and no request", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email address")).toBeVisible();
    await expect(page.getByText("Enter your password")).toBeVisible();
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
  });

  test("an account is locked after five failures, even for the right password; the page says when it unlocks and an administrator can unlock it", async ({
    page,
    request,
    browser,
  }) => {
    // A throwaway account, so the lock does not disturb other tests.
    await sql(`INSERT INTO "User" (id, email, "firstName", "lastName", role, "passwordHash", "updatedAt")
               SELECT 'throttle-user', 'throttle@example.com', 'Throttle', 'Test', 'NURSE', "passwordHash", now() FROM "User" WHERE email = 'nurse@example.com'
               ON CONFLICT (id) DO NOTHING`);
    await sql(`INSERT INTO "UserSite" ("userId", "siteId") SELECT 'throttle-user', id FROM "Site" WHERE code = 'OUT-A' ON CONFLICT DO NOTHING`);
    const csrf = async () => ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
    for (let i = 0; i < 5; i++) {
      const r = await request.post("/api/auth/callback/credentials", {
        form: { email: "throttle@example.com", password: `wrong-${i}`, csrfToken: await csrf(), json: "true" },
      });
      expect(r.status()).toBe(401);
    }
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("throttle@example.com");
    await page.getByLabel("Password").fill("Demo-pass-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    const locked = page.getByRole("alert").filter({ hasText: "This account is locked after too many failed sign-ins" });
    await expect(locked).toBeVisible();
    await expect(locked).toContainText(/It unlocks at \d\d:\d\d \(in 1[45] minutes\)/);
    await page.screenshot({ path: "test-results/screens/sign-in-locked.png" });
    const [row] = await sql<{ reason: string }>(
      `SELECT after->>'reason' AS reason FROM "AuditEvent" WHERE "actorEmail" = 'throttle@example.com' ORDER BY id DESC LIMIT 1`,
    );
    expect(row.reason).toBe("throttled_account");

    // The administrator sees the lock on the user's page and unlocks it, with a reason (audited).
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, "admin@example.com");
    await admin.goto("/admin/users");
    await expect(admin.getByRole("row", { name: /Throttle Test/ })).toContainText("Locked until");
    await admin.goto("/admin/users/throttle-user");
    await expect(admin.getByText(/Locked after too many failed sign-ins, until/)).toBeVisible();
    await admin.getByRole("button", { name: "Unlock now" }).click();
    await admin.getByLabel("Reason for unlocking").fill("Called the front desk; identity checked");
    await admin.screenshot({ path: "test-results/screens/admin-user-unlock.png", fullPage: true });
    await admin.getByRole("button", { name: "Confirm unlock" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "is unlocked" })).toBeVisible();
    const [audit] = await sql<{ reason: string; actorEmail: string }>(
      `SELECT reason, "actorEmail" FROM "AuditEvent" WHERE action = 'user.unlock' AND "entityId" = 'throttle-user' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({ reason: "Called the front desk; identity checked", actorEmail: "admin@example.com" });

    await signIn(page, "throttle@example.com");
  });
});

test.describe("authorization on the server", () => {
  test("a nurse is refused every administrator page and API, and each refusal is audited", async ({ page }) => {
    await signIn(page, "nurse@example.com");
    const since = new Date(Date.now() - 1000);
    for (const path of ["/admin/users", "/admin/sites", "/admin/audit", "/reports"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    }
    const api = await page.request.post("/api/admin/audit/verify");
    expect(api.status()).toBe(403);
    const denied = (await auditActions("nurse@example.com", since)).filter((a) => a === "access.denied");
    expect(denied.length).toBeGreaterThanOrEqual(5);
    await expect(nav(page)).not.toContainText(["Users"]);
  });

  test("signed-out visitors are sent to sign in and brought back to the page they asked for", async ({ page }) => {
    await page.goto("/admin/audit?actor=nurse");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password").fill("Demo-pass-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin\/audit\?actor=nurse$/);
    await expect(page.getByLabel("User email")).toHaveValue("nurse");
  });
});

test.describe("server-side sessions", () => {
  test("sign-out ends the session on the server: the old cookie no longer works", async ({ page, browser }) => {
    const since = new Date(Date.now() - 1000);
    await signIn(page, "psych@example.com");
    const cookies = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const p2 = await replay.newPage();
    await p2.goto("/review");
    await expect(p2).toHaveURL(/\/sign-in/);
    await replay.close();
    const actions = await auditActions("psych@example.com", since);
    expect(actions).toContain("auth.login");
    expect(actions).toContain("auth.logout");
  });

  test("after 10 idle minutes the session locks, and signing in again returns to the same page", async ({ page }) => {
    await signIn(page, "nurse@example.com");
    await page.goto("/board?chair=2");
    const id = await userId("nurse@example.com");
    await sql(`UPDATE "AuthSession" SET "lastSeenAt" = now() - interval '10 minutes 1 second' WHERE "userId" = $1 AND "revokedAt" IS NULL`, [id]);
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fboard%3Fchair%3D2&reason=idle/);
    await expect(page.getByText("The screen was locked after a period without activity")).toBeVisible();
    await page.getByLabel("Email").fill("nurse@example.com");
    await page.getByLabel("Password").fill("Demo-pass-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/board\?chair=2$/);
    const [ended] = await sql<{ revokedReason: string }>(
      `SELECT "revokedReason" FROM "AuthSession" WHERE "userId" = $1 AND "revokedAt" IS NOT NULL ORDER BY "revokedAt" DESC LIMIT 1`,
      [id],
    );
    expect(ended.revokedReason).toBe("idle");
  });

  test("a session is not idle while the person keeps working (9 minutes is fine)", async ({ page }) => {
    await signIn(page, "nurse@example.com");
    const id = await userId("nurse@example.com");
    await sql(`UPDATE "AuthSession" SET "lastSeenAt" = now() - interval '9 minutes' WHERE "userId" = $1 AND "revokedAt" IS NULL`, [id]);
    await page.goto("/patients");
    await expect(page).toHaveURL(/\/patients$/);
  });

  test("the tablet locks itself after 10 minutes without a touch", async ({ page }) => {
    await page.clock.install();
    await signIn(page, "nurse@example.com");
    await page.goto("/board");
    // The idle lock's timer starts once the page is hydrated: on a loaded machine that is after the first paint.
    await page.waitForLoadState("networkidle");
    await page.clock.fastForward("10:01");
    await expect(page).toHaveURL(/\/sign-in\?reason=idle&callbackUrl=%2Fboard/);
  });

  test("a session ends after 12 hours however active it is", async ({ page }) => {
    await signIn(page, "psych@example.com");
    const id = await userId("psych@example.com");
    await sql(`UPDATE "AuthSession" SET "expiresAt" = now() - interval '1 second' WHERE "userId" = $1 AND "revokedAt" IS NULL`, [id]);
    await page.goto("/review");
    await expect(page).toHaveURL(/reason=expired/);
  });

  test("a disabled user is signed out on their next request", async ({ page, browser }) => {
    await signIn(page, "nurse2@example.com");
    await expect(page).toHaveURL(/\/board$/);

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, "admin@example.com");
    await admin.goto("/admin/users");
    await admin.getByRole("link", { name: "Sam Ortiz" }).click();
    await admin.getByRole("button", { name: "Disable user" }).click();
    await admin.getByLabel("Reason").fill("Left the clinic");
    await admin.getByRole("button", { name: "Confirm disable" }).click();
    await expect(admin.getByText(/disabled/i).first()).toBeVisible();
    await adminContext.close();

    await page.getByRole("link", { name: "Patients" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel("Email").fill("nurse2@example.com");
    await page.getByLabel("Password").fill("Demo-pass-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(signInError(page)).toBeVisible();
  });
});
