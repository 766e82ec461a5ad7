import { expect, test } from "@playwright/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

// R35 (issue 10): "vital signs not acceptable before completion" is a recorded answer whose GATE reaches a
// prescriber in the review queue; only the prescriber resolves it, and then the nurse can discharge.
const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
let n = 0;
const key = () => `r35${Date.now()}${n++}`;

test("a nurse records 'not acceptable'; a psychiatrist resolves the R35 GATE from the review queue; the nurse discharges", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 820, height: 1180 });
  await signIn(page, "nurse@example.com");
  const [f] = await sql<{ patientId: string; name: string; chairId: string; psychId: string; nurseId: string }>(`
    SELECT p.id AS "patientId", p."firstName" || ' ' || p."lastName" AS name, ch.id AS "chairId", (SELECT id FROM "User" WHERE email = 'psych@example.com') AS "psychId",
      (SELECT id FROM "User" WHERE email = 'nurse@example.com') AS "nurseId"
    FROM "Patient" p JOIN "Site" st ON st.id = p."siteId" JOIN "Chair" ch ON ch."siteId" = st.id
    WHERE st.code = 'OUT-A' AND ch.active
      AND NOT EXISTS (SELECT 1 FROM "TreatmentSession" x WHERE x."chairId" = ch.id AND x.status IN ('CHECKED_IN','DOSING','MONITORING'))
      AND NOT EXISTS (SELECT 1 FROM "TreatmentSession" x WHERE x."patientId" = p.id AND x."treatmentDate" >= CURRENT_DATE - 1)
      AND NOT EXISTS (SELECT 1 FROM "ClinicalFlag" fl WHERE fl."patientId" = p.id AND fl."removedAt" IS NULL)
      AND EXISTS (SELECT 1 FROM "RemsEnrollment" e WHERE e."patientId" = p.id)
      AND EXISTS (SELECT 1 FROM "TreatmentSession" x WHERE x."patientId" = p.id)
    ORDER BY p.mrn, ch.label LIMIT 1`);
  const api = page.request;
  const post = async (url: string, data: unknown, status = 201) => { const r = await api.post(url, { data, headers: { "idempotency-key": key() } }); expect(r.status(), await r.text()).toBe(status); return (await r.json()).data; };
  const id = (await post("/api/sessions", { patientId: f.patientId, chairId: f.chairId, prescriberOnSiteId: f.psychId, monitoringHcpId: f.nurseId, indication: "TRD" })).result.id as string;
  expect((await api.put(`/api/sessions/${id}/checklist`, { data: { version: 0, rideType: "RIDESHARE", lastFoodAt: ago(500), lastLiquidAt: ago(400), conmedBenzodiazepines: false, conmedSedativeHypnotics: false,
    conmedPsychostimulants: false, conmedMaois: false, conmedOpioids: false, conmedConfirmed: true, pregnancyStatus: "NOT_APPLICABLE", enrollmentVerified: true } })).status()).toBe(200);
  await post(`/api/sessions/${id}/vitals`, { kind: "PRE_DOSE", takenAt: ago(140), systolic: 126, diastolic: 80, heartRate: 72, spo2: 98 });
  const [{ version }] = await sql<{ version: number }>(`SELECT version FROM "TreatmentSession" WHERE id = $1`, [id]);
  expect((await api.put(`/api/sessions/${id}/dose`, { data: { version, doseOption: "56" } })).status()).toBe(200);
  for (const m of [130, 125]) {
    const [d] = await sql<{ id: string }>(`SELECT d.id FROM "Device" d JOIN "InventoryLot" l ON l.id = d."lotId" JOIN "Site" s ON s.id = l."siteId"
      WHERE s.code = 'OUT-A' AND d.status = 'ON_HAND' AND l."expiresOn" > now() ORDER BY l."expiresOn", d.serial LIMIT 1`);
    await post(`/api/sessions/${id}/devices`, { deviceId: d.id, administeredAt: ago(m), acknowledgedWarnings: ["R12_FOOD", "R12_LIQUID", "R12_NASAL_MED"] });
  }
  await post(`/api/sessions/${id}/vitals`, { kind: "POST_40", takenAt: ago(90), systolic: 138, diastolic: 86, heartRate: 80, spo2: 97 });
  await post(`/api/sessions/${id}/sedation`, { takenAt: ago(6), moaas: 5 });
  await post(`/api/sessions/${id}/dissociation`, { takenAt: ago(6), present: false, scale: "NONE", itemScores: [] });
  await post(`/api/sessions/${id}/vitals`, { takenAt: ago(5), systolic: 128, diastolic: 82, heartRate: 76, spo2: 98 });

  await page.goto(`/sessions/${id}`);
  const discharge = page.getByRole("form", { name: "Discharge" });
  await discharge.getByLabel("Vital signs acceptable before completion?").selectOption("false");
  await discharge.getByRole("button", { name: "Record this answer" }).click();
  await expect(discharge.getByText("Recorded: not acceptable. A prescriber must decide before discharge.")).toBeVisible();
  // Only a prescriber decides: the nurse's request is refused by the server.
  expect((await api.post(`/api/sessions/${id}/decisions`, { data: { rule: "R35", decision: "PROCEED", reason: "Nurse trying to lift it" }, headers: { "idempotency-key": key() } })).status()).toBe(403);

  const psychContext = await browser.newContext();
  const psych = await psychContext.newPage();
  await signIn(psych, "psych@example.com");
  await psych.goto("/review");
  const queue = psych.getByRole("region", { name: "Waiting for a prescriber's decision" });
  const card = queue.getByRole("listitem").filter({ hasText: f.name }).first();
  await expect(card).toContainText("vital signs were not acceptable before completion");
  await psych.screenshot({ path: "test-results/screens/review-r35.png", fullPage: false });
  await card.getByLabel("Clinical reason").fill("Reassessed at the chair: stable, asymptomatic, fit to leave with escort.");
  await card.getByRole("button", { name: "Proceed" }).click();
  await expect(queue).not.toContainText(f.name);
  await psychContext.close();

  await page.reload();
  const [row] = await sql<{ decision: string; rule: string }>(`SELECT decision, rule FROM "ClinicalDecision" WHERE "sessionId" = $1`, [id]);
  expect(row).toEqual({ decision: "PROCEED", rule: "R35" });
  const done = await api.post(`/api/sessions/${id}/discharge`, { data: { rideConfirmed: true, clinicallyStable: true, noDrivingReminder: true, vitalsAcceptablePreAdministration: true,
    vitalsAcceptablePreCompletion: false, readyToLeaveMinutes: 100 } });
  expect(done.status(), await done.text()).toBe(200);
});
