import { expect, test } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

const card = (page: import("@playwright/test").Page, chair: string) => page.getByRole("listitem", { name: new RegExp(`^${chair}:`) });

test.describe("chair board", () => {
  test("shows the seeded sessions with timers from the server's clock", async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    // The tablet's clock is 7 minutes fast: the minutes since the first device must still be right.
    await page.clock.install({ time: new Date(Date.now() + 7 * 60_000) });
    await signIn(page, "nurse@example.com");
    const [{ minutes: indiraMinutes }] = await sql<{ minutes: number }>(`SELECT floor(extract(epoch FROM now() - min(d."administeredAt")) / 60)::int AS minutes
      FROM "DeviceAdministration" d JOIN "TreatmentSession" s ON s.id = d."sessionId" JOIN "Patient" p ON p.id = s."patientId" WHERE p.mrn = 'A-1009' AND s.status = 'MONITORING'`);
    const indira = card(page, "Chair 1");
    await expect(indira).toContainText("Indira Patel");
    await expect(indira.getByTestId("since-t0")).toHaveText(new RegExp(`^(${indiraMinutes}|${indiraMinutes + 1}) min$`));
    await expect(indira).toContainText(/40-min BP\s*due at \d\d:\d\d/);
    await expect(indira).toContainText("discharge possible at");
    const jordan = card(page, "Chair 2");
    await expect(jordan).toContainText("Jordan Kim");
    await expect(jordan).toContainText(/recorded 152\/90 at 41 min/);
    await expect(jordan).toContainText("discharge possible now");
    await expect(jordan).toContainText("Next: Assess for discharge");
    await page.screenshot({ path: "test-results/screens/chair-board.png", fullPage: true });
  });

  test("updates without a reload, and says when it is offline", async ({ page, browser }) => {
    await signIn(page, "nurse@example.com");
    const indira = card(page, "Chair 1");
    await expect(indira).toContainText("due at");
    // Another nurse records Indira's 40-minute reading.
    const [s] = await sql<{ id: string }>(
      `SELECT s.id FROM "TreatmentSession" s JOIN "Patient" p ON p.id = s."patientId" WHERE p.mrn = 'A-1009' AND s.status = 'MONITORING'`,
    );
    const other = await browser.newContext();
    const nurse2 = await other.newPage();
    await signIn(nurse2, "psych@example.com");
    const res = await nurse2.request.post(`/api/sessions/${s.id}/vitals`, {
      data: { systolic: 148, diastolic: 88, spo2: 97 },
      headers: { "idempotency-key": `board-test-${Date.now()}` },
    });
    expect(res.status()).toBe(201);
    await other.close();
    await expect(indira).toContainText(/recorded 148\/88 at \d+ min/, { timeout: 20_000 });

    await page.context().setOffline(true);
    await expect(page.getByRole("status").filter({ hasText: "Offline — last updated" })).toBeVisible({ timeout: 20_000 });
    await page.context().setOffline(false);
    await expect(page.getByRole("status").filter({ hasText: "Updated" })).toBeVisible({ timeout: 20_000 });
  });

  test("a psychiatrist is refused the board; the board API answers 403", async ({ page }) => {
    await signIn(page, "psych@example.com");
    expect((await page.goto("/board"))?.status()).toBe(403);
    expect((await page.request.get("/api/board")).status()).toBe(403);
  });
});
