import { expect, test, type Page } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

// A newly registered patient, all through the patient page: demographics edited, the REMS Patient Enrollment
// Form (R6) recorded incomplete, refused at the field, then corrected; counselling (R7) over two visits; the
// dosing-gate banner opens only at the end.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const shots = async (page: Page, name: string) => {
  for (const [w, h] of [
    [820, 1180],
    [1280, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/screens/${name}-${w}.png`, fullPage: true });
  }
};

test.describe("REMS enrollment, counselling and demographics of a new patient", () => {
  test("a nurse edits the details, records the enrollment and counselling, and sees the dosing gate open", async ({ page }) => {
    test.setTimeout(120_000);
    const mrn = `E2E-${Date.now().toString(36).toUpperCase()}`;
    await signIn(page, "nurse@example.com");
    await page.goto("/patients/new");
    await page.getByLabel("Site").selectOption({ label: "Riverside Outpatient Clinic" });
    await page.getByLabel("Medical record number (MRN)").fill(mrn);
    await page.getByLabel("First name").fill("Robin");
    await page.getByLabel("Last name").fill("Newcomer");
    await page.getByLabel("Date of birth").fill("1979-06-15");
    await page.getByLabel("Sex").selectOption("FEMALE");
    await page.getByLabel("Indication").selectOption("TRD");
    await page.getByRole("button", { name: "Register patient" }).click();
    await expect(page.getByRole("heading", { name: "Newcomer, Robin" })).toBeVisible();
    const gate = page.getByTestId("dosing-gate");
    await expect(gate).toContainText("Dosing is blocked");
    await expect(gate).toContainText("Patient Enrollment Form is not complete");
    await expect(gate).toContainText("not been counselled on every REMS topic");

    // Demographics: a bad email is refused at the field; the saved change shows at once.
    await page.getByRole("button", { name: "Edit details" }).click();
    const details = page.getByRole("form", { name: "Patient details" });
    await details.getByLabel("First name").fill("Robyn");
    await details.getByLabel("Middle initial").fill("K");
    await details.getByLabel("Email").fill("robyn-at-example");
    await details.getByRole("button", { name: "Save details" }).click();
    await expect(details.getByText("Enter an email address like name@example.com")).toBeVisible();
    await details.getByLabel("Email").fill("robyn@example.com");
    await shots(page, "patient-edit-details");
    await details.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByRole("heading", { name: "Newcomer, Robyn K." })).toBeVisible();
    await expect(page.getByText("robyn@example.com")).toBeVisible();
    const [p] = await sql<{ id: string; version: number }>(`SELECT id, version FROM "Patient" WHERE mrn = $1`, [mrn]);
    expect(p.version).toBe(2);
    // The form's stale version is refused (someone else saved in between): 409, nothing changed.
    const stale = await page.request.patch(`/api/patients/${p.id}`, {
      data: { mrn, firstName: "Bobby", lastName: "Newcomer", birthDate: "1979-06-15", sex: "FEMALE", indication: "TRD", version: 1 },
    });
    expect(stale.status()).toBe(409);
    expect((await sql<{ firstName: string }>(`SELECT "firstName" FROM "Patient" WHERE id = $1`, [p.id]))[0].firstName).toBe("Robyn");

    // R6: signed by the patient only — saved, but the gate stays closed and says what is missing.
    const rems = page.getByRole("region", { name: "REMS enrollment" });
    await rems.getByRole("button", { name: "Record enrollment" }).click();
    const first = rems.getByRole("form", { name: "Record the enrollment" });
    await first.getByLabel("Prescriber", { exact: true }).selectOption({ index: 1 });
    await first.getByLabel("Patient signed on").fill(day(-3));
    await first.getByRole("button", { name: "Save enrollment" }).click();
    await expect(
      rems.getByText("Still missing for dosing: the prescriber's signature date, the submission date, how it was submitted, the REMS confirmation number."),
    ).toBeVisible();
    await expect(rems.getByText("Not enrolled")).toBeVisible();
    await expect(gate).toContainText("Dosing is blocked");

    // The correction: a submission date in the future is refused by the server at its field; then saved.
    await rems.getByRole("button", { name: "Correct or renew" }).click();
    const fix = rems.getByRole("form", { name: "Correct or renew the enrollment" });
    await expect(fix.getByLabel("Patient signed on")).toHaveValue(day(-3));
    await fix.getByLabel("Prescriber signed on").fill(day(-2));
    await fix.getByLabel("Submitted to the REMS on").fill(day(3));
    await fix.getByLabel("Submitted by").selectOption("FAX");
    await fix.getByLabel("REMS confirmation number").fill("ENR-775533");
    await fix.getByLabel("Reason for the correction or re-enrollment").fill("Prescriber signed and the form was faxed");
    await fix.getByRole("button", { name: "Save correction" }).click();
    await expect(fix.getByText("The submission date is in the future")).toBeVisible();
    await shots(page, "patient-enrollment-refused");
    await fix.getByLabel("Submitted to the REMS on").fill(day(-1));
    await fix.getByRole("button", { name: "Save correction" }).click();
    await expect(rems.getByText("Enrolled", { exact: true })).toBeVisible();
    await expect(rems.getByText(`${day(-1)} (fax)`)).toBeVisible();
    await rems.getByText("Earlier enrollments (1)").click();
    await expect(rems.getByRole("list", { name: "Earlier enrollments" }).getByRole("listitem")).toHaveCount(1);
    await expect(gate).not.toContainText("Patient Enrollment Form is not complete");
    await expect(gate).toContainText("not been counselled on every REMS topic");

    // R7 over two visits: the gate opens once every REMS topic is covered.
    const counselling = page.getByRole("region", { name: "Counselling" });
    await counselling.getByRole("button", { name: "Record counselling" }).click();
    let form = counselling.getByRole("form", { name: "Record counselling" });
    await form.getByRole("button", { name: "Save counselling" }).click();
    await expect(form.getByText("Choose the topics covered")).toBeVisible();
    for (const t of ["Sedation", "Dissociation", "Respiratory depression"]) await form.getByLabel(t, { exact: true }).check();
    await form.getByRole("button", { name: "Save counselling" }).click();
    await expect(counselling.getByText("Topics missing")).toBeVisible();
    await expect(gate).toContainText("not been counselled on every REMS topic");
    await counselling.getByRole("button", { name: "Record counselling" }).click();
    form = counselling.getByRole("form", { name: "Record counselling" });
    await form.getByRole("button", { name: "Now" }).click();
    for (const t of [
      "Blood pressure increases",
      "Monitoring for at least 2 hours after every dose",
      "Arranging a safe ride home",
      "No driving or heavy machinery until the next day after a restful sleep",
    ])
      await form.getByLabel(t).check();
    await shots(page, "patient-counselling-form");
    await form.getByRole("button", { name: "Save counselling" }).click();
    await expect(counselling.getByText("Counselled on every REMS topic")).toBeVisible();
    await expect(counselling.getByRole("list", { name: "Counselling visits" }).getByRole("listitem")).toHaveCount(2);
    await expect(gate).toContainText("REMS enrollment and counselling are complete: the patient may be dosed");
    await shots(page, "patient-gate-open");

    const audit = await sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "patientId" = $1 ORDER BY id`, [p.id]);
    expect(audit.map((a) => a.action)).toEqual([
      "patient.create",
      "patient.update",
      "patient.enrollment",
      "patient.enrollment_correct",
      "patient.counselling",
      "patient.counselling",
    ]);
  });

  test("an administrator may not record an enrollment or counselling, nor edit a patient", async ({ page }) => {
    const [p] = await sql<{ id: string }>(`SELECT id FROM "Patient" WHERE mrn = 'A-1003'`);
    await signIn(page, "admin@example.com");
    expect((await page.request.post(`/api/patients/${p.id}/enrollments`, { data: { prescriberId: "x" } })).status()).toBe(403);
    expect((await page.request.post(`/api/patients/${p.id}/counselling`, { data: { counselledById: "x", topics: ["sedation"] } })).status()).toBe(403);
    expect((await page.request.patch(`/api/patients/${p.id}`, { data: {} })).status()).toBe(403);
  });
});
