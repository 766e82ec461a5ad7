import { expect, test } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";
import { LATE, ago, device, key, onHand, preparedSession } from "./helpers/session-api";

// Recording what really happened (issue 10): a session ended without a dose, a reading designated as the
// 40-minute BP after the fact, later facts about an adverse event, and a prescriber's dose correction.
test("a nurse ends a session without a dose: it leaves the board and shows the reason on the session and the patient page", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await signIn(page, "nurse@example.com");
  const s = await preparedSession(page.request);
  await page.goto(`/sessions/${s.id}`);
  await page.getByRole("button", { name: "End without dosing…" }).click();
  const form = page.getByRole("form", { name: "End the session without dosing" });
  await form.getByRole("button", { name: "End without dosing" }).click();
  await expect(form.getByText("Choose why the patient was not dosed")).toBeVisible();
  await form.getByLabel("Why was the patient not dosed?").selectOption("PATIENT_DECLINED");
  await form.getByLabel("Details").fill("Felt unwell this morning");
  await page.screenshot({ path: "test-results/screens/not-dosed-820.png", fullPage: false });
  await form.getByRole("button", { name: "End without dosing" }).click();
  await expect(page.getByText("This session ended without a dose — Patient declined: Felt unwell this morning.")).toBeVisible();
  expect((await sql<{ status: string }>(`SELECT status FROM "TreatmentSession" WHERE id = $1`, [s.id]))[0].status).toBe("NOT_DOSED");
  expect((await sql(`SELECT 1 FROM "PatientMonitoringForm" WHERE "sessionId" = $1`, [s.id])).length).toBe(0);
  const refused = await page.request.post(`/api/sessions/${s.id}/devices`, {
    data: { deviceId: await onHand(), acknowledgedWarnings: [] },
    headers: { "idempotency-key": key() },
  });
  expect(refused.status()).toBe(409);
  await page.goto("/board");
  await expect(page.getByRole("main")).not.toContainText(s.name);
  await page.goto(`/sessions/${s.id}`);
  await page.getByRole("link", { name: "Patient page" }).click();
  await expect(page.getByRole("cell", { name: /Not dosed — Patient declined/ }).first()).toBeVisible();
});

test("a nurse designates an earlier reading as the 40-minute BP and adds an intervention to an event a rule opened, classifying it serious", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "nurse@example.com");
  const s = await preparedSession(page.request);
  await device(page.request, s.id, 60);
  await device(page.request, s.id, 55);
  // A reading 45 minutes after the first device, recorded without ticking "40-minute reading".
  expect(
    (
      await page.request.post(`/api/sessions/${s.id}/vitals`, {
        data: { takenAt: ago(15), systolic: 148, diastolic: 88, heartRate: 80, spo2: 96, lateReason: LATE },
        headers: { "idempotency-key": key() },
      })
    ).status(),
  ).toBe(201);
  // Two low SpO₂ readings: the rule opens a respiratory-depression event (R27).
  for (const [m, spo2] of [
    [6, 90],
    [2, 89],
  ])
    expect((await page.request.post(`/api/sessions/${s.id}/vitals`, { data: { takenAt: ago(m), spo2 }, headers: { "idempotency-key": key() } })).status()).toBe(
      201,
    );
  await page.goto(`/sessions/${s.id}`);
  const timeline = page.getByRole("region", { name: "Timeline" });
  const reading = timeline.getByRole("listitem").filter({ hasText: "BP 148/88" });
  await reading.getByRole("button", { name: "Use as 40-minute BP" }).click();
  await reading.getByRole("button", { name: "Designate" }).click();
  await expect(reading.getByText("40-minute BP", { exact: true })).toBeVisible();
  expect((await sql<{ kind: string }>(`SELECT kind FROM "ObservationVital" WHERE "sessionId" = $1 AND systolic = 148`, [s.id]))[0].kind).toBe("POST_40");

  const events = page.getByRole("list", { name: "Adverse events of this session" });
  const event = events.getByRole("listitem").filter({ hasText: "respiratory depression" });
  await event.getByRole("button", { name: "Add intervention or classify…" }).click();
  await event.getByRole("button", { name: "Save" }).click();
  await expect(event.getByText("Give the reason")).toBeVisible();
  await event.getByLabel("Intervention to add").fill("Oxygen 2 L/min by nasal cannula");
  await event.getByLabel("Classify as a serious adverse event").check();
  await event.getByLabel("Reason").fill("Needed oxygen for 20 minutes");
  await page.screenshot({ path: "test-results/screens/event-update-1280.png", fullPage: false });
  await event.getByRole("button", { name: "Save" }).click();
  await expect(events.getByRole("listitem").filter({ hasText: "respiratory depression (serious)" })).toContainText(
    "Interventions: Oxygen 2 L/min by nasal cannula",
  );
  const [ae] = await sql<{ serious: boolean }>(`SELECT serious FROM "AdverseEvent" WHERE "sessionId" = $1`, [s.id]);
  expect(ae.serious).toBe(true);

  // A wrong reading is struck out with a reason, never changed; the inline form can be cancelled.
  await reading.getByRole("button", { name: "Mark entered in error" }).click();
  await reading.getByRole("button", { name: "Cancel" }).click();
  await expect(reading.getByLabel("Why is it wrong?")).toHaveCount(0);
  await reading.getByRole("button", { name: "Mark entered in error" }).click();
  await reading.getByLabel("Why is it wrong?").fill("Cuff on the wrong arm, repeated");
  await reading.getByRole("button", { name: "Confirm" }).click();
  await expect(reading).toContainText("entered in error: Cuff on the wrong arm, repeated");
  expect((await page.request.post(`/api/sessions/${s.id}/transfer`, { data: { receivingService: "ED", reason: "Test cleanup: chair needed" } })).status()).toBe(
    200,
  );
});

test("a psychiatrist corrects the dose after a device; a nurse has no form and the server refuses her", async ({ page, browser }) => {
  await signIn(page, "nurse@example.com");
  const s = await preparedSession(page.request, 20);
  await device(page.request, s.id, 10);
  await page.goto(`/sessions/${s.id}`);
  await expect(page.getByRole("region", { name: "Dose correction" })).toHaveCount(0);
  expect((await page.request.post(`/api/sessions/${s.id}/dose-correction`, { data: { doseMg: 28, reason: "Only one device was prescribed" } })).status()).toBe(
    403,
  );

  const psychContext = await browser.newContext();
  const psych = await psychContext.newPage();
  await psych.setViewportSize({ width: 820, height: 1180 });
  await signIn(psych, "psych@example.com");
  await psych.goto(`/sessions/${s.id}`);
  const form = psych.getByRole("form", { name: "Correct the dose" });
  await form.getByLabel("Corrected dose").selectOption("28");
  await form.getByLabel("Reason for the correction").fill("28 mg prescribed; 56 mg was selected in error");
  await form.getByRole("button", { name: "Correct the dose" }).click();
  await expect(form.getByText("Dose corrected.")).toBeVisible();
  await expect(psych.getByText(/status: monitoring · 28 mg/)).toBeVisible();
  await psychContext.close();
  expect((await page.request.post(`/api/sessions/${s.id}/transfer`, { data: { receivingService: "ED", reason: "Test cleanup: chair needed" } })).status()).toBe(
    200,
  );
});
