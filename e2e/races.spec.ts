import { expect, test } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

let n = 0;
const key = () => `races${Date.now()}${n++}`;

test.describe("a late entry's alert and keyed requests over HTTP", () => {
  for (const [width, height] of [
    [820, 1180],
    [1280, 900],
  ] as const) {
    test(`a high BP entered offline is sent when the connection returns and its alert is shown (${width}×${height})`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await signIn(page, "nurse@example.com");
      const [s] = await sql<{ id: string }>(
        `SELECT s.id FROM "TreatmentSession" s JOIN "Patient" p ON p.id = s."patientId" WHERE p.mrn = 'A-1010' AND s.status = 'MONITORING'`,
      );
      await page.goto(`/sessions/${s.id}`);
      const vitals = page.getByRole("region", { name: "Observation" }).getByRole("form", { name: "Vital signs" });
      await expect(vitals.getByLabel("Systolic (mmHg)")).toBeVisible(); // the form is on the tablet before the connection drops
      await page.context().setOffline(true);
      await vitals.getByLabel("Systolic (mmHg)").fill("190");
      await vitals.getByLabel("Diastolic (mmHg)").fill("112");
      await vitals.getByLabel("SpO₂ (%)").fill("97");
      await vitals.getByRole("button", { name: "Record vital signs" }).click();
      await expect(page.getByText("1 entry saved on this tablet, waiting for the connection.")).toBeVisible();
      await page.context().setOffline(false);
      const late = page.getByRole("region", { name: "Alerts for Vital signs sent late" });
      await expect(late.getByRole("alert").first()).toBeVisible({ timeout: 20_000 });
      await expect(late).toContainText("sent when the connection returned");
      await expect(late).toContainText("Blood pressure 190/112 is above 180/110");
      await expect(page.getByText("waiting for the connection")).toHaveCount(0);
      await page.screenshot({ path: `test-results/screens/late-alert-${width}.png`, fullPage: false });
      await late.getByRole("button", { name: "I have seen this alert" }).click();
      await expect(late).toHaveCount(0);
      expect(
        (await sql(`SELECT 1 FROM "ObservationVital" WHERE "sessionId" = $1 AND systolic = 190 AND diastolic = 112`, [s.id])).length,
      ).toBeGreaterThanOrEqual(1);
    });
  }

  test("a retried check-in gets its first answer (201, same id); the same key with another body is a 422; a busy chair is a 409 naming it", async ({
    page,
  }) => {
    await signIn(page, "nurse@example.com");
    const [free] = await sql<{ patientId: string; chairId: string; label: string; psychId: string; nurseId: string }>(`
      SELECT p.id AS "patientId", ch.id AS "chairId", ch.label, (SELECT id FROM "User" WHERE email = 'psych@example.com') AS "psychId",
        (SELECT id FROM "User" WHERE email = 'nurse@example.com') AS "nurseId"
      FROM "Patient" p JOIN "Site" st ON st.id = p."siteId" JOIN "Chair" ch ON ch."siteId" = st.id
      WHERE st.code = 'OUT-A' AND ch.active
        AND NOT EXISTS (SELECT 1 FROM "TreatmentSession" x WHERE x."chairId" = ch.id AND x.status IN ('CHECKED_IN','DOSING','MONITORING'))
        AND NOT EXISTS (SELECT 1 FROM "TreatmentSession" x WHERE x."patientId" = p.id AND x."treatmentDate" >= CURRENT_DATE - 1)
        AND EXISTS (SELECT 1 FROM "RemsEnrollment" e WHERE e."patientId" = p.id)
      ORDER BY p.mrn, ch.label LIMIT 1`);
    const body = { patientId: free.patientId, chairId: free.chairId, prescriberOnSiteId: free.psychId, monitoringHcpId: free.nurseId, indication: "TRD" };
    const k = key();
    const first = await page.request.post("/api/sessions", { data: body, headers: { "idempotency-key": k } });
    expect(first.status(), await first.text()).toBe(201);
    const again = await page.request.post("/api/sessions", { data: body, headers: { "idempotency-key": k } });
    expect(again.status()).toBe(201);
    expect((await again.json()).data.result.id).toBe((await first.json()).data.result.id);
    const reused = await page.request.post("/api/sessions", { data: { ...body, indication: "MDSI" }, headers: { "idempotency-key": k } });
    expect(reused.status()).toBe(422);
    expect((await reused.json()).message).toContain(k);
    const [other] = await sql<{ id: string }>(
      `SELECT p.id FROM "Patient" p JOIN "Site" st ON st.id = p."siteId" WHERE st.code = 'OUT-A' AND p.id <> $1
      AND NOT EXISTS (SELECT 1 FROM "TreatmentSession" x WHERE x."patientId" = p.id AND x."treatmentDate" >= CURRENT_DATE - 1) LIMIT 1`,
      [free.patientId],
    );
    const busy = await page.request.post("/api/sessions", { data: { ...body, patientId: other.id }, headers: { "idempotency-key": key() } });
    expect(busy.status()).toBe(409);
    const json = await busy.json();
    expect(json.message).toBe(`${free.label} already has an active session.`);
    expect(json.fieldErrors.chairId[0]).toBe(`${free.label} already has an active session`);
    // Leave the chair free for the other specs.
    const id = (await first.json()).data.result.id;
    expect(
      (await page.request.post(`/api/sessions/${id}/transfer`, { data: { receivingService: "Rescheduled", reason: "Test cleanup: chair needed" } })).status(),
    ).toBe(200);
  });
});
