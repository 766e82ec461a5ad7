import { expect, test } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";
import { freePatientAndChair, key } from "./helpers/session-api";

// The medication list on the patient page, read by the pre-dose checklist; hepatic impairment (R48) by a prescriber.
test.describe("medication list and hepatic impairment", () => {
  test("a nurse adds a benzodiazepine to a patient's list and the pre-dose checklist shows it pre-filled", async ({ page }) => {
    await page.setViewportSize({ width: 820, height: 1180 });
    const f = await freePatientAndChair();
    await signIn(page, "nurse@example.com");
    await page.goto(`/patients/${f.patientId}`);
    const meds = page.getByRole("region", { name: "Medication list" });
    const add = meds.getByRole("form", { name: "Add a medication" });

    // Refused at the field: a start in the future (the server judges the site's calendar).
    await add.getByLabel("Medicine").fill("Lorazepam");
    await add.getByLabel("Class").selectOption({ label: "Benzodiazepine" });
    await add.getByLabel("Dose").fill("1 mg at night");
    await add.getByLabel("Started on").fill("2099-01-01");
    await add.getByRole("button", { name: "Add medication" }).click();
    await expect(add.getByText("The start date cannot be in the future")).toBeVisible();
    await add.getByLabel("Started on").fill("2026-01-15");
    await add.getByLabel("Stopped on").fill("2026-01-10");
    await add.getByRole("button", { name: "Add medication" }).click();
    await expect(add.getByText("A medicine cannot stop before it started")).toBeVisible();
    await add.getByLabel("Stopped on").fill("");
    await add.getByRole("button", { name: "Add medication" }).click();
    const row = meds.getByRole("row").filter({ hasText: "Lorazepam" });
    await expect(row).toContainText("Benzodiazepine");
    await expect(row).toContainText("1 mg at night");
    await expect(row).toContainText("15 Jan 2026");
    await page.screenshot({ path: "test-results/screens/medication-list-820.png", fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: "test-results/screens/medication-list-desktop.png", fullPage: true });
    await page.setViewportSize({ width: 820, height: 1180 });
    // (the demo's own list was entered through the same command: count this medicine's entry only)
    const [audit] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'medication.add' AND "patientId" = $1 AND "actorEmail" = 'nurse@example.com' AND "after"->>'name' = 'Lorazepam'`,
      [f.patientId],
    );
    expect(audit.n).toBe(1);

    // Check in (through the API: the check-in screen has its own journey) and open the session.
    const res = await page.request.post("/api/sessions", {
      data: { patientId: f.patientId, chairId: f.chairId, prescriberOnSiteId: f.psychId, monitoringHcpId: f.nurseId, indication: "TRD" },
      headers: { "idempotency-key": key() },
    });
    expect(res.status(), await res.text()).toBe(201);
    const sessionId = (await res.json()).data.result.id as string;
    await page.goto(`/sessions/${sessionId}`);
    const checklist = page.getByRole("form", { name: "Pre-dose checklist" });
    await expect(checklist.getByText("pre-filled from the medication list")).toBeVisible();
    await expect(checklist.getByText(/On the medication list today: .*Lorazepam \(benzodiazepine\)/)).toBeVisible();
    await expect(checklist.getByLabel("Benzodiazepines")).toHaveValue("true");
    await expect(checklist.getByLabel("Opioids")).toHaveValue("false");
    // Pre-fill only: nothing is confirmed until the nurse ticks and saves.
    await expect(checklist.getByLabel("Medication answers confirmed with the patient today")).not.toBeChecked();
    await page.screenshot({ path: "test-results/screens/checklist-prefilled-820.png", fullPage: false });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: "test-results/screens/checklist-prefilled-desktop.png", fullPage: false });

    // The session ends without a dose, so the chair is free for the other specs.
    expect(
      (
        await page.request.post(`/api/sessions/${sessionId}/not-dosed`, { data: { reason: "PATIENT_DECLINED" }, headers: { "idempotency-key": key() } })
      ).status(),
    ).toBe(200);
  });

  test("a nurse stops a medicine and it stays in the history; she cannot record hepatic impairment", async ({ page }) => {
    const [p] = await sql<{ id: string }>(`SELECT p.id FROM "Patient" p JOIN "Site" s ON s.id = p."siteId" WHERE s.code = 'OUT-A' AND p.mrn = 'A-1006'`);
    await signIn(page, "nurse@example.com");
    await page.goto(`/patients/${p.id}`);
    const meds = page.getByRole("region", { name: "Medication list" });
    await meds.getByRole("button", { name: "Stop Amlodipine 5 mg daily" }).click();
    await meds.getByRole("button", { name: "Stop medication" }).click();
    await expect(meds.getByRole("form", { name: "Stop Amlodipine 5 mg daily" })).toHaveCount(0);
    await expect(meds.getByRole("row").filter({ hasText: "Antihypertensive" })).toContainText("Stopped");
    await expect(meds.getByRole("row").filter({ hasText: "Antihypertensive" })).toContainText(/\d{1,2} [A-Z][a-z]{2,3} \d{4}\s*Correct/);
    await expect(page.getByRole("form", { name: "Record hepatic impairment" })).toHaveCount(0);
    const refused = await page.request.put(`/api/patients/${p.id}/hepatic-impairment`, { data: { level: "SEVERE", version: 1 } });
    expect(refused.status()).toBe(403);
  });

  test("a psychiatrist records moderate hepatic impairment; the page says what it means", async ({ page }) => {
    const f = await freePatientAndChair();
    await page.setViewportSize({ width: 820, height: 1180 });
    await signIn(page, "psych@example.com");
    await page.goto(`/patients/${f.patientId}`);
    const hepatic = page.getByRole("region", { name: "Hepatic impairment" });
    await expect(hepatic.getByRole("combobox", { name: "Hepatic impairment" })).toHaveValue("NONE");
    await hepatic.getByRole("combobox", { name: "Hepatic impairment" }).selectOption({ label: "Moderate (Child-Pugh B)" });
    await hepatic.getByRole("button", { name: "Save" }).click();
    await expect(hepatic.getByText("Label: may need longer monitoring.")).toBeVisible();
    await expect(hepatic.getByText(/Recorded .* by /)).toBeVisible();
    await page.screenshot({ path: "test-results/screens/hepatic-impairment-820.png", fullPage: false });
    const [row] = await sql<{ hepaticImpairment: string }>(`SELECT "hepaticImpairment" FROM "Patient" WHERE id = $1`, [f.patientId]);
    expect(row.hepaticImpairment).toBe("MODERATE");
    const [audit] = await sql<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM "AuditEvent" WHERE action = 'patient.hepatic_impairment' AND "entityId" = $1`,
      [f.patientId],
    );
    expect([audit.before, audit.after]).toEqual([{ hepaticImpairment: "NONE" }, { hepaticImpairment: "MODERATE" }]);
  });
});
