import { expect, test } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";
import { key, observedSession } from "./helpers/session-api";

// R35 (issue 10): "vital signs not acceptable before completion" is a recorded answer whose GATE reaches a
// prescriber in the review queue; only the prescriber resolves it, and then the nurse can discharge.

test("a nurse records 'not acceptable'; a psychiatrist resolves the R35 GATE from the review queue; the nurse discharges", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 820, height: 1180 });
  await signIn(page, "nurse@example.com");
  const api = page.request;
  const { id, name } = await observedSession(api, { systolic: 138, diastolic: 86, heartRate: 80, spo2: 97 });

  await page.goto(`/sessions/${id}`);
  const discharge = page.getByRole("form", { name: "Discharge" });
  await discharge.getByLabel("Vital signs acceptable before completion?").selectOption("false");
  await discharge.getByRole("button", { name: "Record this answer" }).click();
  await expect(discharge.getByText("Recorded: not acceptable. A prescriber must decide before discharge.")).toBeVisible();
  // Only a prescriber decides: the nurse's request is refused by the server.
  expect(
    (
      await api.post(`/api/sessions/${id}/decisions`, {
        data: { rule: "R35", decision: "PROCEED", reason: "Nurse trying to lift it" },
        headers: { "idempotency-key": key() },
      })
    ).status(),
  ).toBe(403);

  const psychContext = await browser.newContext();
  const psych = await psychContext.newPage();
  await signIn(psych, "psych@example.com");
  await psych.goto("/review");
  const queue = psych.getByRole("region", { name: "Waiting for a prescriber's decision" });
  const card = queue.getByRole("listitem").filter({ hasText: name }).first();
  await expect(card).toContainText("vital signs were not acceptable before completion");
  await psych.screenshot({ path: "test-results/screens/review-r35.png", fullPage: false });
  await card.getByLabel("Clinical reason").fill("Reassessed at the chair: stable, asymptomatic, fit to leave with escort.");
  await card.getByRole("button", { name: "Proceed" }).click();
  await expect(queue.filter({ hasText: name })).toHaveCount(0); // an empty section folds into the "Nothing waiting" line
  await psychContext.close();

  await page.reload();
  const [row] = await sql<{ decision: string; rule: string }>(`SELECT decision, rule FROM "ClinicalDecision" WHERE "sessionId" = $1`, [id]);
  expect(row).toEqual({ decision: "PROCEED", rule: "R35" });
  const done = await api.post(`/api/sessions/${id}/discharge`, {
    data: {
      rideConfirmed: true,
      clinicallyStable: true,
      noDrivingReminder: true,
      vitalsAcceptablePreAdministration: true,
      vitalsAcceptablePreCompletion: false,
      readyToLeaveMinutes: 100,
    },
  });
  expect(done.status(), await done.text()).toBe(200);
});
