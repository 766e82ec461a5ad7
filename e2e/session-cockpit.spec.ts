import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";
import { device, preparedSession, releaseChair } from "./helpers/session-api";
import { siteClockAgo } from "./helpers/site-clock";
import { expect, test } from "./helpers/test";

// Issue 13 §1–2 on the tablet: the sticky cockpit of a session under observation, its next-step button, and a time
// typed as HH:MM on the site's clock.
test.use({ viewport: { width: 820, height: 1180 } });

test("the cockpit counts from the first device, counts down to the 40-minute BP, names the earliest discharge and jumps to the next step", async ({ page }) => {
  await signIn(page, "nurse@example.com");
  const s = await preparedSession(page.request, 30);
  try {
    await device(page.request, s.id, 25);
    await device(page.request, s.id, 20);
    await page.goto(`/sessions/${s.id}`);
    const cockpit = page.getByRole("region", { name: "Session at a glance" });
    await expect(cockpit.getByRole("heading", { name: s.name })).toBeVisible();
    await expect(cockpit).toContainText(/MRN \S+ · born \d{1,2} [A-Z][a-z]{2,3} \d{4}/);
    await expect(cockpit.getByText("Since first device", { exact: true }).locator("..")).toContainText("25 min");
    await expect(cockpit.getByText("40-minute BP", { exact: true }).locator("..")).toContainText(/due \d\d:\d\d, in 15 min/);
    await expect(cockpit.getByText("Earliest discharge", { exact: true }).locator("..")).toContainText(/\d\d:\d\d/);

    // It stays in view while the nurse scrolls down the page.
    await page.getByRole("region", { name: "Timeline" }).scrollIntoViewIfNeeded();
    await expect(cockpit).toBeInViewport();

    // The next step is the 40-minute BP: the button goes to the observation section and puts the focus in it.
    await cockpit.getByRole("button", { name: /^Next: Take the 40-minute BP at \d\d:\d\d$/ }).click();
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest("#observation"))).toBe(true);

    // A time typed on the site's clock (HH:MM) is recorded at that instant; empty means now.
    const vitals = page.getByRole("form", { name: "Vital signs" });
    await expect(vitals.getByText("Now", { exact: true })).toBeVisible();
    await vitals.getByLabel("Systolic (mmHg)").fill("132");
    await vitals.getByLabel("Diastolic (mmHg)").fill("84");
    const typed = siteClockAgo(3);
    await vitals.getByLabel("Time", { exact: true }).fill(typed);
    await vitals.getByRole("button", { name: "Record vital signs" }).click();
    await expect(vitals.getByText("Vital signs recorded.")).toBeVisible();
    const [v] = await sql<{ at: string }>(
      `SELECT to_char("takenAt" AT TIME ZONE 'America/New_York', 'HH24:MI') AS at FROM "ObservationVital" WHERE "sessionId" = $1 AND systolic = 132`,
      [s.id],
    );
    expect(v.at).toBe(typed);
    await page.screenshot({ path: test.info().outputPath("session-cockpit-820.png"), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: test.info().outputPath("session-cockpit-1280.png"), fullPage: false });
  } finally {
    await releaseChair(page.request, s.id);
  }
});
