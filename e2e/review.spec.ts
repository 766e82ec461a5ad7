import { expect, test, type Page } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

// The psychiatrist's review (issue 5): charts that show exactly the recorded readings, outcomes entered
// item by item, the TRD summary, and electronic sign-off with its lock and its tamper check.

type Reading = {
  id: string;
  takenAt: Date;
  systolic: number | null;
  diastolic: number | null;
  heartRate: number | null;
  spo2: number | null;
  in_error: boolean;
};
const clock = (d: Date) => new Intl.DateTimeFormat("en-GB", { timeZone: "America/New_York", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d);

/** The patient's most recent discharged session: 7 site-local days ago in the seed, so never signed by it. */
async function latestSession(mrn: string) {
  const [s] = await sql<{ id: string; patient_id: string }>(
    `SELECT s.id, s."patientId" AS patient_id FROM "TreatmentSession" s JOIN "Patient" p ON p.id = s."patientId"
     WHERE p.mrn = $1 AND s.status = 'DISCHARGED' ORDER BY s."treatmentDate" DESC LIMIT 1`,
    [mrn],
  );
  return s;
}
const readingsOf = (sessionId: string) =>
  sql<Reading>(
    `SELECT id, "takenAt" AS "takenAt", systolic, diastolic, "heartRate" AS "heartRate", spo2, "enteredInErrorAt" IS NOT NULL AS in_error
    FROM "ObservationVital" WHERE "sessionId" = $1 ORDER BY "takenAt"`,
    [sessionId],
  );
const chartData = async (page: Page, testId: string) => JSON.parse((await page.getByTestId(testId).getAttribute("data-points"))!) as Record<string, unknown>[];

test.describe("the psychiatrist's charts", () => {
  test("a session's chart and table show exactly the recorded readings; one entered in error is struck through, not hidden", async ({ page }) => {
    const s = await latestSession("A-1007");
    const readings = await readingsOf(s.id);
    // A wrong reading, as a nurse would have marked it during the session.
    await sql(`UPDATE "ObservationVital" SET "enteredInErrorAt" = "takenAt", "enteredInErrorReason" = 'Cuff on the wrong arm' WHERE id = $1`, [readings[2].id]);
    const [t0] = await sql<{ t0: Date }>(
      `SELECT min("administeredAt") AS t0 FROM "DeviceAdministration" WHERE "sessionId" = $1 AND "enteredInErrorAt" IS NULL`,
      [s.id],
    );

    await signIn(page, "psych@example.com");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/sessions/${s.id}#vitals`);
    const expected = readings.map((r, i) => ({
      clock: clock(r.takenAt),
      minute: Math.round(((r.takenAt.getTime() - t0.t0.getTime()) / 60_000) * 10) / 10,
      systolic: r.systolic,
      diastolic: r.diastolic,
      heartRate: r.heartRate,
      spo2: r.spo2,
      enteredInError: i === 2,
    }));
    expect(await chartData(page, "session-bp-chart")).toEqual(expected);
    const table = page.getByTestId("session-vitals-table");
    await expect(table.getByRole("row")).toHaveCount(readings.length + 1);
    for (const [i, r] of readings.entries()) await expect(table.getByRole("row").nth(i + 1)).toContainText(`${clock(r.takenAt)}`);
    const wrong = table.getByRole("row").nth(3);
    await expect(wrong).toContainText("entered in error: Cuff on the wrong arm");
    await expect(wrong.getByRole("cell").nth(3)).toHaveCSS("text-decoration-line", "line-through");
    await expect(page.locator(".recharts-line")).not.toHaveCount(0); // drawn, not only data
    await page.getByTestId("session-bp-chart").screenshot({ path: "test-results/screens/session-chart-desktop.png" });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByTestId("session-bp-chart").screenshot({ path: "test-results/screens/session-chart-tablet.png" });
  });

  test("the course view lists every dosed session's BP and dose, over 40 sessions", async ({ page }) => {
    const [p] = await sql<{ id: string }>(`SELECT id FROM "Patient" WHERE mrn = 'A-1011'`);
    const pre = await sql<{ date: string; systolic: number; diastolic: number; dose: number }>(
      `SELECT to_char(s."treatmentDate", 'YYYY-MM-DD') AS date, v.systolic, v.diastolic, s."plannedDoseMg" AS dose FROM "TreatmentSession" s
       JOIN "ObservationVital" v ON v."sessionId" = s.id AND v.kind = 'PRE_DOSE' AND v."enteredInErrorAt" IS NULL
       WHERE s."patientId" = $1 AND EXISTS (SELECT 1 FROM "DeviceAdministration" d WHERE d."sessionId" = s.id) ORDER BY s."treatmentDate"`,
      [p.id],
    );
    expect(pre.length).toBe(40);
    await signIn(page, "psych@example.com");
    await page.goto(`/patients/${p.id}/course`);
    await expect(page.getByRole("heading", { name: "Blood pressure over the course (40 sessions)" })).toBeVisible();
    const points = await chartData(page, "course-bp-chart");
    expect(points.map((x) => [x.date, x.preSys, x.preDia, x.doseMg])).toEqual(pre.map((r) => [r.date, r.systolic, r.diastolic, r.dose]));
    await expect(page.getByTestId("course-table").getByRole("row")).toHaveCount(41);
    await expect(page.getByTestId("course-table").getByRole("row").nth(1)).toContainText("1 · Induction");
    await expect(page.getByTestId("course-table").getByRole("row").nth(40)).toContainText("Maintenance (every 1–2 weeks)");
    await page.getByTestId("course-bp-chart").screenshot({ path: "test-results/screens/course-chart-desktop.png" });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByTestId("course-bp-chart").screenshot({ path: "test-results/screens/course-chart-tablet.png" });
  });
});

test.describe("outcomes and TRD documentation", () => {
  test("a PHQ-9 is entered item by item, totalled by the server, and item 9 raises the follow-up until a C-SSRS is done", async ({ page }) => {
    const [p] = await sql<{ id: string }>(`SELECT id FROM "Patient" WHERE mrn = 'A-1014'`);
    await signIn(page, "nurse@example.com");
    await page.goto(`/patients/${p.id}/course`);
    const form = page.getByRole("form", { name: "Record an outcome measure" });
    const answer = async (item: number, label: string) =>
      form
        .getByRole("group", { name: new RegExp(`^${item}\\. `) })
        .getByLabel(label)
        .check();
    for (let i = 1; i <= 8; i++) await answer(i, i % 2 ? "Several days (1)" : "Not at all (0)");
    await form.getByRole("button", { name: "Save PHQ-9" }).click();
    await expect(form.getByRole("alert")).toContainText("Answer every item");
    await answer(9, "Several days (1)");
    await expect(form.getByText("Total so far: 5")).toBeVisible();
    await form.getByRole("button", { name: "Save PHQ-9" }).click();
    await expect(form.getByText("Saved, total 5. PHQ-9 item 9 is above 0")).toBeVisible();
    const [row] = await sql<{ total: number; items: number[] }>(
      `SELECT total, "itemScores" AS items FROM "OutcomeMeasure" WHERE "patientId" = $1 AND instrument = 'PHQ9' ORDER BY "createdAt" DESC LIMIT 1`,
      [p.id],
    );
    expect(row).toEqual({ total: 5, items: [1, 0, 1, 0, 1, 0, 1, 0, 1] });
    // The server never takes a total or a wrong number of items from the client.
    expect(
      (await page.request.post(`/api/patients/${p.id}/outcomes`, { data: { instrument: "PHQ9", items: [3, 3, 3, 3, 3, 3, 3, 3], total: 0 } })).status(),
    ).toBe(422);

    const psych = await page.context().browser()!.newPage();
    await signIn(psych, "psych@example.com");
    await psych.goto("/review");
    const risk = psych.getByRole("region", { name: "Suicide-risk follow-up" });
    await expect(risk).toContainText("Owen Douglas");
    await risk.getByRole("listitem").filter({ hasText: "Owen Douglas" }).getByRole("link", { name: "Open outcomes" }).click();
    const cssrs = psych.getByRole("form", { name: "Record an outcome measure" });
    await cssrs.getByLabel("Scale").selectOption("CSSRS");
    await cssrs.getByRole("group", { name: /^1\. / }).getByLabel("Yes").check();
    await cssrs.getByRole("group", { name: /^2\. / }).getByLabel("No").check();
    await expect(cssrs.getByText("not asked (question 2 was no)")).toHaveCount(3);
    await cssrs.getByRole("group", { name: /^6\. / }).getByLabel("No").check();
    await cssrs.getByRole("button", { name: "Save C-SSRS" }).click();
    await expect(cssrs.getByText("Saved, total 1.")).toBeVisible();
    await expect(psych.getByText("positive — yes to question 1")).toBeVisible();
    await psych.goto("/review");
    // Done: gone from the section (which folds into the "Nothing waiting" line once empty).
    await expect(psych.getByRole("region", { name: "Suicide-risk follow-up" }).filter({ hasText: "Owen Douglas" })).toHaveCount(0);
  });

  test("the outcome trend marks baseline, response and remission from the seeded scores", async ({ page }) => {
    const [p] = await sql<{ id: string }>(`SELECT id FROM "Patient" WHERE mrn = 'A-1003'`);
    const madrs = await sql<{ total: number }>(`SELECT total FROM "OutcomeMeasure" WHERE "patientId" = $1 AND instrument = 'MADRS' ORDER BY "takenAt"`, [p.id]);
    await signIn(page, "psych@example.com");
    await page.goto(`/patients/${p.id}/course`);
    const points = await chartData(page, "trend-MADRS");
    expect(points.map((x) => x.total)).toEqual(madrs.map((m) => m.total));
    expect(points.at(-1)).toMatchObject({ response: madrs.at(-1)!.total <= madrs[0].total / 2, remission: madrs.at(-1)!.total <= 12 });
    await expect(page.getByTestId("trend-table-MADRS").getByRole("row").nth(1)).toContainText("Baseline");
    await page.getByTestId("trend-PHQ9").screenshot({ path: "test-results/screens/trend-phq9.png" });
  });

  test("the TRD summary shows each trial and whether the criteria are met, as a printable page", async ({ page }) => {
    const [p] = await sql<{ id: string }>(`SELECT id FROM "Patient" WHERE mrn = 'A-1003'`);
    const trials = await sql<{ drug: string }>(`SELECT drug FROM "AntidepressantTrial" WHERE "patientId" = $1`, [p.id]);
    await signIn(page, "psych@example.com");
    await page.goto(`/patients/${p.id}/trd`);
    await expect(page.getByTestId("trd-summary")).toContainText("different mechanisms without remission in the current episode: met");
    const table = page.getByRole("article", { name: "TRD summary" }).getByRole("table");
    await expect(table.getByRole("row")).toHaveCount(trials.length + 1);
    for (const t of trials) await expect(table).toContainText(t.drug);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Print for prior authorization" })).toBeHidden();
    await page.screenshot({ path: "test-results/screens/trd-print.png", fullPage: true });
  });
});

test.describe("documenting the trials", () => {
  test("a psychiatrist records trials one by one and the summary follows the rule; a nurse is refused", async ({ page }) => {
    const [p] = await sql<{ id: string }>(`SELECT id FROM "Patient" WHERE mrn = 'A-1002'`);
    await signIn(page, "psych@example.com");
    await page.goto(`/patients/${p.id}/trd`);
    const summary = page.getByTestId("trd-summary");
    await expect(summary).toContainText("not met");
    const form = page.getByRole("form", { name: "Antidepressant trial" });
    await form.getByRole("button", { name: "Record trial" }).click();
    await expect(form.getByText("Name the drug")).toBeVisible();
    await expect(form.getByText("Choose the outcome")).toBeVisible();
    const add = async (drug: string, mechanism: string, weeks: string) => {
      await form.getByLabel("Drug").fill(drug);
      await form.getByLabel("Mechanism class").fill(mechanism);
      await form.getByLabel("Dose (mg)").fill("100");
      await form.getByLabel("Duration (weeks)").fill(weeks);
      await form.getByLabel("Outcome").selectOption("NO_RESPONSE");
      await form.getByLabel("Adequate dose").check();
      await form.getByLabel("Taken as prescribed (adherent)").check();
      await form.getByRole("button", { name: "Record trial" }).click();
      await expect(page.getByRole("article", { name: "TRD summary" })).toContainText(drug);
    };
    await add("Sertraline", "ssri", "8");
    await add("Duloxetine", "SNRI", "5.857");
    await expect(page.getByRole("row").filter({ hasText: "Duloxetine" })).toContainText("No: 5 weeks 6 days, under 6 weeks");
    await expect(summary).toContainText("not met");
    await add("Venlafaxine XR", "SNRI", "6");
    await expect(summary).toContainText("different mechanisms without remission in the current episode: met");

    const nurse = await page.context().browser()!.newPage();
    await signIn(nurse, "nurse@example.com");
    const refused = await nurse.request.post(`/api/patients/${p.id}/trials`, { data: { drug: "X", mechanismClass: "SSRI", weeks: 8, outcome: "NO_RESPONSE" } });
    expect(refused.status()).toBe(403);
    await nurse.goto(`/patients/${p.id}/trd`);
    await expect(nurse.getByRole("form", { name: "Antidepressant trial" })).toHaveCount(0);
  });
});

test.describe("electronic sign-off", () => {
  test("signing needs the password again; the signed session is locked and a correction becomes an amendment beside the original", async ({ page }) => {
    const s = await latestSession("A-1003");
    await signIn(page, "psych@example.com");
    await page.goto(`/sessions/${s.id}/sign-off`);
    const sign = page.getByRole("form", { name: "Sign this session" });
    await sign.getByLabel("Approved discharge decision").check();
    await sign.getByLabel("Your password").fill("not-my-password");
    await sign.getByRole("button", { name: "Sign session" }).click();
    await expect(sign.getByText("The password is not correct")).toBeVisible();
    expect((await sql(`SELECT 1 FROM "SessionSignature" WHERE "sessionId" = $1`, [s.id])).length).toBe(0);
    await sign.getByLabel("Your password").fill("Demo-pass-2026");
    await sign.getByRole("button", { name: "Sign session" }).click();
    await expect(page.getByTestId("signature")).toContainText("Signed by Priya Shah");
    await expect(page.getByTestId("signature")).toContainText("Approved discharge decision");
    await expect(page.getByText("Signature valid")).toBeVisible();
    await page.goto(`/sessions/${s.id}#sign-off`);
    await expect(page.getByRole("region", { name: "Sign-off" }).getByTestId("signature")).toContainText("Approved discharge decision");

    // Locked: changing a signed entry is refused by the server, whatever the screen shows.
    const [vital] = await sql<{ id: string; systolic: number; diastolic: number }>(
      `SELECT id, systolic, diastolic FROM "ObservationVital" WHERE "sessionId" = $1 AND kind = 'PRE_DOSE'`,
      [s.id],
    );
    const change = await page.request.post(`/api/sessions/${s.id}/entries/vital/${vital.id}/entered-in-error`, { data: { reason: "wrong arm" } });
    expect(change.status()).toBe(409);
    expect((await change.json()).code).toBe("SESSION_SIGNED");
    // An event learnt of the next day is a new record beside the signed ones.
    const late = page.getByRole("region", { name: "Adverse events after the session" }).getByRole("form", { name: "Adverse event" });
    await late.getByLabel("Type").selectOption("OTHER");
    await late.getByLabel("What happened").fill("Headache the next morning, reported by phone");
    await late.getByRole("button", { name: "Record adverse event" }).click();
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Headache the next morning, reported by phone — recorded after sign-off");
    await expect(page.getByText("Signature valid")).toBeVisible();

    await page.getByRole("button", { name: "Record an amendment" }).click();
    const amend = page.getByRole("form", { name: "Amendment" });
    await amend.getByRole("button", { name: "Save amendment" }).click();
    await expect(amend.getByText("Describe the correction (at least 3 characters)")).toBeVisible();
    const option = amend.getByLabel("Entry to correct").locator("option", { hasText: `Pre-dose vital signs: BP ${vital.systolic}/${vital.diastolic}` });
    await amend.getByLabel("Entry to correct").selectOption((await option.getAttribute("value"))!);
    await amend.getByLabel("Correction").fill(`Pre-dose BP was ${vital.systolic + 10}/${vital.diastolic}`);
    await amend.getByLabel("Reason for the amendment").fill("Monitor printout reviewed");
    await amend.getByRole("button", { name: "Save amendment" }).click();
    const entry = page
      .getByRole("region", { name: "Timeline" })
      .getByRole("listitem")
      .filter({ hasText: `Pre-dose vital signs: BP ${vital.systolic}/${vital.diastolic}` });
    await expect(entry).toContainText(`Amendment: Pre-dose BP was ${vital.systolic + 10}/${vital.diastolic} — reason: Monitor printout reviewed (Priya Shah`);
    await expect(page.getByText("Signature valid")).toBeVisible(); // the original stays as signed
  });

  test("a nurse cannot sign: no form, and the server refuses", async ({ page }) => {
    const s = await latestSession("A-1004");
    await signIn(page, "nurse@example.com");
    await page.goto(`/sessions/${s.id}`);
    await expect(page.getByRole("region", { name: "Sign-off" })).toContainText("Not signed yet");
    await expect(page.getByRole("form", { name: "Sign this session" })).toHaveCount(0);
    await page.goto(`/sessions/${s.id}/sign-off`);
    await expect(page.getByRole("heading", { name: "What will be signed" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Sign this session" })).toHaveCount(0);
    const res = await page.request.post(`/api/sessions/${s.id}/signature`, { data: { meaning: "REVIEWED", password: "Demo-pass-2026" } });
    expect(res.status()).toBe(403);
    expect((await sql(`SELECT 1 FROM "SessionSignature" WHERE "sessionId" = $1`, [s.id])).length).toBe(0);
  });

  test("a signed row changed directly in the database shows 'changed since signing'", async ({ page }) => {
    // A session the seed signed (treated 8 or more days ago), then altered behind the application's back.
    const [s] = await sql<{
      id: string;
    }>(`SELECT s.id FROM "TreatmentSession" s JOIN "Patient" p ON p.id = s."patientId" JOIN "SessionSignature" g ON g."sessionId" = s.id
      WHERE p.mrn = 'A-1003' ORDER BY s."treatmentDate" DESC LIMIT 1`);
    await signIn(page, "psych@example.com");
    await page.goto(`/sessions/${s.id}/sign-off`);
    await expect(page.getByText("Signature valid")).toBeVisible();
    await sql(`UPDATE "ObservationVital" SET systolic = systolic - 20 WHERE "sessionId" = $1 AND kind = 'POST_40'`, [s.id]);
    await page.reload();
    await expect(page.getByText("Changed since signing")).toBeVisible();
    await expect(page.getByText("Signature valid")).toHaveCount(0);
  });
});
