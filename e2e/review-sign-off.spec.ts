import { expect, test, type Page } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";
import { observedSession } from "./helpers/session-api";

// Issue 13 (points 5, 6, 8): the psychiatrist's queue, sign-off and printouts on the tablet. The spec makes its own
// discharged session through the API (a nurse's work), then reviews and signs it as the psychiatrist.

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
const visibleControls = (page: Page) => page.locator("input:visible, button:visible, select:visible, textarea:visible");

test("a psychiatrist on the tablet opens the queue, reads what is signed, must choose a meaning, signs; printouts have no forms and keep the chart", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // The nurse's session: 56 mg, a 40-minute BP of 152/94 (the peak), documented late, then discharged.
  const nurseContext = await browser.newContext();
  const nurse = await nurseContext.newPage();
  await signIn(nurse, "nurse@example.com");
  const api = nurse.request;
  const { id, name } = await observedSession(api, { systolic: 152, diastolic: 94, heartRate: 84, spo2: 96 });
  const done = await api.post(`/api/sessions/${id}/discharge`, {
    data: {
      rideConfirmed: true,
      clinicallyStable: true,
      noDrivingReminder: true,
      vitalsAcceptablePreAdministration: true,
      vitalsAcceptablePreCompletion: true,
      readyToLeaveMinutes: 120,
    },
  });
  expect(done.status(), await done.text()).toBe(200);
  await nurseContext.close();

  await page.setViewportSize({ width: 820, height: 1180 });
  await signIn(page, "psych@example.com");
  await page.goto("/review");
  // Sections with work first, each with its count; empty ones fold into one line at the bottom.
  const headings = await page.getByRole("main").getByRole("heading", { level: 2 }).allInnerTexts();
  expect(headings.length).toBeGreaterThan(0);
  for (const h of headings) expect(h).toMatch(/ \([1-9]\d*\)$/);
  const empty = page.getByTestId("queue-empty");
  if (await empty.count()) {
    await expect(empty).toContainText("Nothing waiting:");
    // the line sits after every section with work
    const last = page.getByRole("main").locator("section").last();
    expect((await empty.boundingBox())!.y).toBeGreaterThan((await last.boundingBox())!.y);
  }
  const card = page.getByTestId("sign-off-card").filter({ hasText: name }).first();
  await expect(card).toContainText("Riverside Outpatient Clinic");
  await expect(card).toContainText("Dose56 mg");
  await expect(card).toContainText("Peak BP152/94");
  await expect(card.getByRole("list", { name: "Flags" })).toContainText(/late entr/);
  expect(await page.getByRole("main").innerText()).not.toMatch(/\(R\d+|\bR\d+:/); // rule codes only in tooltips
  await shot(page, "review-queue-tablet");

  await card.getByRole("link", { name: "Review and sign" }).click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${id}/sign-off$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Sign-off: ${name}`);
  // What is signed, from the content the signature hashes.
  await expect(page.getByTestId("signed-discharge")).toContainText("Discharged at");
  await expect(page.getByTestId("signed-discharge")).toContainText("Ride confirmedYes");
  await expect(page.getByTestId("signed-checklist")).toContainText("Medication answers confirmedYes");
  await expect(page.getByTestId("signed-dose")).toContainText("56 mg");
  await expect(page.getByTestId("signed-dose")).toContainText("Device 2");
  await expect(page.getByTestId("signed-vitals")).toContainText("Peak post-dose BP152/94");
  await expect(page.getByTestId("signed-vitals")).toContainText("Pre-discharge BP128/82");
  expect(await page.getByRole("main").innerText()).not.toMatch(/\(R\d+|\bR\d+:/);

  // The meaning is chosen explicitly: nothing pre-selected, refused without it (form and server).
  const sign = page.getByRole("form", { name: "Sign this session" });
  await expect(sign.getByLabel("Reviewed", { exact: true })).not.toBeChecked();
  await expect(sign.getByLabel("Approved discharge decision")).not.toBeChecked();
  await sign.getByLabel("Your password").fill("Demo-pass-2026");
  await sign.getByRole("button", { name: "Sign session" }).click();
  await expect(sign.getByText("Choose what your signature means")).toBeVisible();
  const refused = await page.request.post(`/api/sessions/${id}/signature`, { data: { password: "Demo-pass-2026" } });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).fieldErrors).toEqual({ meaning: ["Choose what your signature means"] });
  expect(await sql(`SELECT 1 FROM "SessionSignature" WHERE "sessionId" = $1`, [id])).toHaveLength(0);
  await shot(page, "review-sign-off-tablet");
  await sign.getByLabel("Approved discharge decision").check();
  await sign.getByRole("button", { name: "Sign session" }).click();
  await expect(page.getByTestId("signature")).toContainText("Approved discharge decision");
  await expect(page.getByText("Signature valid")).toBeVisible();
  await expect(page.getByRole("heading", { name: "What was signed" })).toBeVisible();
  const [row] = await sql<{ meaning: string }>(`SELECT meaning FROM "SessionSignature" WHERE "sessionId" = $1`, [id]);
  expect(row.meaning).toBe("APPROVED_DISCHARGE");

  // Printed, the record has the signature as text and no form control.
  await page.emulateMedia({ media: "print" });
  await expect(visibleControls(page)).toHaveCount(0);
  await expect(page.getByTestId("signature")).toBeVisible();
  await shot(page, "review-sign-off-print");

  // The session page prints its chart and no form (no password box, no buttons).
  await page.emulateMedia({ media: "screen" });
  await page.goto(`/sessions/${id}`);
  await expect(page.getByRole("region", { name: "Sign-off" }).getByTestId("signature")).toContainText("Signed by");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("session-bp-chart")).toBeVisible();
  await expect(page.getByTestId("session-bp-chart").locator(".recharts-line")).not.toHaveCount(0);
  await expect(visibleControls(page)).toHaveCount(0);
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
  await shot(page, "review-session-print");
  await page.emulateMedia({ media: "screen" });

  // The same screens on a desktop.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/sessions/${id}/sign-off`);
  await shot(page, "review-sign-off-desktop");
  await page.goto("/review");
  await shot(page, "review-queue-desktop");
});

test("the session's chart loads the chart library only when the chart comes near the screen", async ({ page }) => {
  const [s] = await sql<{ id: string }>(
    `SELECT s.id FROM "TreatmentSession" s JOIN "Patient" p ON p.id = s."patientId" WHERE p.mrn = 'A-1007' AND s.status = 'DISCHARGED' ORDER BY s."treatmentDate" DESC LIMIT 1`,
  );
  await signIn(page, "psych@example.com");
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.goto(`/sessions/${s.id}`);
  const region = page.getByRole("region", { name: "Blood pressure and vital signs" });
  await expect(region).toBeAttached();
  if (!(await region.isVisible()) || (await region.boundingBox())!.y > 1180 + 400) await expect(page.getByTestId("session-bp-chart")).toHaveCount(0);
  await region.scrollIntoViewIfNeeded();
  await expect(page.getByTestId("session-bp-chart").locator(".recharts-line")).not.toHaveCount(0);
  // Three panels, each band against its own axis.
  const bands = JSON.parse((await page.getByTestId("session-bp-chart").getAttribute("data-bands"))!) as { axisId: string; to: number }[];
  expect(bands.map((b) => b.axisId)).toEqual(["bp", "spo2"]);
  await expect(page.getByTestId("session-bp-chart").locator("[data-panel]")).toHaveCount(3);
  await page.getByTestId("session-bp-chart").screenshot({ path: "test-results/screens/review-session-chart-tablet.png" });
});
