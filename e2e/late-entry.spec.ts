import { expect, test, type Page } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";
import { siteClockAgo } from "./helpers/site-clock";
import { freePatientAndChair } from "./helpers/session-api";

// R49: a late vital asks for its reason in place and is marked late on the timeline; a time before
// check-in is refused at the field.
let n = 0;
const key = () => `late${Date.now()}${n++}`;
const localAgo = (page: Page, min: number) =>
  page.evaluate((m) => {
    const d = new Date(Date.now() - m * 60_000);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
  }, min);

test("a nurse records a late vital with a reason, sees it marked, and a time before check-in is refused", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 820, height: 1180 });
  await signIn(page, "nurse@example.com");
  const [c] = await sql<{
    chairId: string;
    psychId: string;
    nurseId: string;
    patientId: string;
  }>(`SELECT ch.id AS "chairId", (SELECT id FROM "User" WHERE email = 'psych@example.com') AS "psychId",
    (SELECT id FROM "User" WHERE email = 'nurse@example.com') AS "nurseId", (SELECT id FROM "Patient" WHERE mrn = 'A-1005') AS "patientId"
    FROM "Chair" ch JOIN "Site" s ON s.id = ch."siteId" WHERE s.code = 'OUT-A' AND ch.label = 'Chair 4'`);
  const res = await page.request.post("/api/sessions", {
    data: { patientId: c.patientId, chairId: c.chairId, prescriberOnSiteId: c.psychId, monitoringHcpId: c.nurseId, indication: "TRD" },
    headers: { "idempotency-key": key() },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = (await res.json()).data.result.id as string;
  // the patient has been in the chair for an hour (the server stamped check-in; the test moves it back)
  await sql(`UPDATE "TreatmentSession" SET "checkedInAt" = now() - interval '60 minutes' WHERE id = $1`, [id]);
  await page.goto(`/sessions/${id}`);

  const vitals = page.getByRole("form", { name: "Pre-dose vital signs" });
  await vitals.getByLabel("Systolic (mmHg)").fill("126");
  await vitals.getByLabel("Diastolic (mmHg)").fill("80");
  await vitals.getByLabel("Time", { exact: true }).fill(siteClockAgo(90));
  await vitals.getByRole("button", { name: "Record vital signs" }).click();
  await expect(vitals.getByText("This time is before the patient's check-in")).toBeVisible();

  await vitals.getByLabel("Time", { exact: true }).fill(siteClockAgo(30));
  await expect(vitals.getByLabel("Reason for late entry")).toBeVisible();
  await vitals.getByRole("button", { name: "Record vital signs" }).click();
  await expect(vitals.getByText("Give the reason for late entry")).toBeVisible();
  await vitals.getByLabel("Reason for late entry").fill("Monitor offline, copied from the paper chart");
  await vitals.getByRole("button", { name: "Record vital signs" }).click();
  await expect(vitals.getByText("Vital signs recorded.")).toBeVisible();
  await expect(vitals.getByLabel("Reason for late entry")).toHaveCount(0); // the cleared form no longer asks
  // …and its time is "Now" again, not the late time just saved: the next reading is stamped when it is taken.
  await vitals.getByLabel("Systolic (mmHg)").fill("124");
  await vitals.getByLabel("Diastolic (mmHg)").fill("78");
  await vitals.getByRole("button", { name: "Record vital signs" }).click();
  await expect(vitals.getByText("Vital signs recorded.")).toBeVisible();
  await expect
    .poll(
      async () =>
        (
          await sql<{ ago: number }>(
            `SELECT extract(epoch FROM now() - "takenAt")::float8 AS ago FROM "ObservationVital" WHERE "sessionId" = $1 AND systolic = 124`,
            [id],
          )
        )[0]?.ago,
    )
    .toBeLessThan(120);
  await page.reload();
  await expect(page.getByText(/late: entered \d\d:\d\d — Monitor offline, copied from the paper chart/)).toBeVisible();
  await page.screenshot({ path: "test-results/late-entry-820.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "test-results/late-entry-1280.png", fullPage: true });
  const rows = await sql<{ code: string; reason: string }>(`SELECT code, reason FROM "ProtocolDeviation" WHERE "sessionId" = $1`, [id]);
  expect(rows).toContainEqual({ code: "R49_LATE_ENTRY", reason: "Monitor offline, copied from the paper chart" });
  // free the chair and the patient for the other specs sharing this database
  await sql(`UPDATE "TreatmentSession" SET status = 'CANCELLED', "cancelledReason" = 'e2e cleanup' WHERE id = $1`, [id]);
});

test("a nurse documents a downtime session after the fact: past check-in with a reason, marked on the session and the board", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 820, height: 1180 });
  await signIn(page, "nurse@example.com");
  const f = await freePatientAndChair();
  await page.goto(`/sessions/new?patientId=${f.patientId}`);
  const form = page.getByRole("form", { name: "Check in" });
  await form.getByLabel("Chair").selectOption({ index: 1 });
  await form.getByLabel("Indication").selectOption("TRD");
  await form.getByLabel("Prescriber on site").selectOption(f.psychId);
  await form.getByLabel("Documenting a past session from paper (downtime back-entry)").check();
  await form.getByRole("button", { name: "Start back-entry" }).click();
  await expect(form.getByText("Enter when the patient was checked in")).toBeVisible();
  await expect(form.getByText("Say why this session is entered after the fact")).toBeVisible();
  await form.getByLabel("Checked in at").fill(await localAgo(page, 180));
  await form.getByLabel("Why is it entered after the fact?").fill("Network down: from the paper chart");
  await form.getByRole("button", { name: "Start back-entry" }).click();
  await expect(page).toHaveURL(/\/sessions\/[a-z0-9]+$/);
  const id = page.url().split("/").pop()!;
  await expect(page.getByText(/Back-entry: this session is documented after the fact from paper — Network down: from the paper chart/)).toBeVisible();

  // an entry three hours ago is not "late" in a back-entered session: no reason asked, none stored
  const vitals = page.getByRole("form", { name: "Pre-dose vital signs" });
  await vitals.getByLabel("Systolic (mmHg)").fill("126");
  await vitals.getByLabel("Diastolic (mmHg)").fill("80");
  await vitals.getByLabel("Time (date and time)").fill(await localAgo(page, 175));
  await expect(vitals.getByLabel("Reason for late entry")).toHaveCount(0);
  await vitals.getByRole("button", { name: "Record vital signs" }).click();
  await expect(vitals.getByText("Vital signs recorded.")).toBeVisible();
  const [v] = await sql<{ late: string | null }>(`SELECT "lateEntryReason" AS late FROM "ObservationVital" WHERE "sessionId" = $1`, [id]);
  expect(v.late).toBeNull();
  await page.screenshot({ path: "test-results/back-entry-820.png", fullPage: true });

  await page.goto("/board");
  await expect(page.getByRole("listitem", { name: new RegExp(f.name) }).getByText("Back-entry")).toBeVisible();
  await page.goto(`/patients/${f.patientId}`);
  await expect(
    page
      .getByRole("row")
      .filter({ has: page.locator(`a[href="/sessions/${id}"]`) })
      .getByText("Back-entry"),
  ).toBeVisible();
  const rows = await sql<{ code: string; reason: string }>(`SELECT code, reason FROM "ProtocolDeviation" WHERE "sessionId" = $1`, [id]);
  expect(rows).toEqual([{ code: "R49_BACK_ENTRY", reason: "Network down: from the paper chart" }]);
  await sql(`UPDATE "TreatmentSession" SET status = 'CANCELLED', "cancelledReason" = 'e2e cleanup' WHERE id = $1`, [id]);
});
