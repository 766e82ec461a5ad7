import fs from "node:fs";
import { expect, test } from "./helpers/test";
import { parse } from "csv-parse/sync";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

// Issue 16 §3: billing lines derived from the session record (dose given, the patient's payer type, the
// effective-dated code table), shown on the session, listed and exported by the administrator.
test.use({ viewport: { width: 820, height: 1180 } });

test("a psychiatrist records a patient's payer; the session shows its code; the administrator lists and downloads the billing CSV", async ({
  page,
  browser,
}) => {
  const [s] = await sql<{ id: string; patientId: string; name: string; mrn: string; devices: number; day: string }>(`
    SELECT s.id, p.id AS "patientId", p."firstName" || ' ' || p."lastName" AS name, p.mrn, count(d.id)::int AS devices,
           to_char(min(d."administeredAt") AT TIME ZONE st."timeZone", 'YYYY-MM-DD') AS day
    FROM "TreatmentSession" s JOIN "Patient" p ON p.id = s."patientId" JOIN "Site" st ON st.id = s."siteId"
    JOIN "DeviceAdministration" d ON d."sessionId" = s.id AND d."enteredInErrorAt" IS NULL
    WHERE st.code = 'OUT-A' AND s.status = 'DISCHARGED' AND p."primaryPayerType" IS NULL
    GROUP BY s.id, p.id, st."timeZone" ORDER BY min(d."administeredAt") DESC LIMIT 1`);
  expect(s, "a discharged session of the seed").toBeTruthy();
  const dose = s.devices * 28;
  const code = dose <= 56 ? "G2082" : "G2083";

  await signIn(page, "psych@example.com");
  await page.goto(`/sessions/${s.id}`);
  const billing = page.getByRole("region", { name: "Billing" });
  await expect(billing).toContainText("payer type is not recorded");
  await page.goto(`/patients/${s.patientId}`);
  await page.getByRole("button", { name: "Edit details" }).click();
  await page.getByLabel("Primary payer").selectOption("MEDICARE");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("button", { name: "Edit details" })).toBeVisible();
  await page.goto(`/sessions/${s.id}`);
  await expect(billing.getByRole("list", { name: "Billing lines" })).toContainText(`${code} × 1`);
  await expect(billing).toContainText(`${dose} mg given · payer Medicare`);
  await billing.screenshot({ path: "test-results/screens/billing-session-820.png" });

  const admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(admin, "admin@example.com");
  await admin.goto("/admin/billing-codes");
  await expect(admin.getByRole("rowheader", { name: /G2083/ })).toBeVisible();
  await admin.getByRole("button", { name: "Add billing code" }).click();
  await expect(admin.getByText("Enter the code as letters and digits")).toBeVisible();
  await expect(admin.getByText("Choose at least one payer type")).toBeVisible();
  const form = admin.getByRole("form", { name: "New billing code" });
  const newCode = `T${Date.now().toString(36).slice(-5).toUpperCase()}`; // a retry adds its own row
  await form.getByLabel("Code", { exact: true }).fill(newCode);
  await form.getByLabel("Description").fill("Prolonged service, each 15 minutes");
  await form.getByLabel("Other payer").check();
  await form.getByLabel("First day in force").fill("2026-01-01");
  await admin.getByRole("button", { name: "Add billing code" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `${newCode} is in the table from 2026-01-01.` })).toBeVisible();
  await admin.getByRole("button", { name: `End ${newCode} from 2026-01-01` }).click();
  await admin.getByRole("button", { name: "Cancel" }).click();
  await admin.getByRole("button", { name: `End ${newCode} from 2026-01-01` }).click();
  const end = admin.getByRole("form", { name: `End ${newCode} from 2026-01-01` });
  await end.getByLabel("Last day in force").fill("2026-06-30");
  await end.getByLabel("Reason").fill("Entered to test the table");
  await end.getByRole("button", { name: "Save last day" }).click();
  await expect(admin.getByRole("row").filter({ has: admin.getByRole("rowheader", { name: new RegExp(`^${newCode}`) }) })).toContainText(
    "2026-01-01 to 2026-06-30",
  );
  await admin.screenshot({ path: "test-results/screens/billing-codes-1280.png", fullPage: true });

  await admin.goto(`/reports/billing?from=${s.day}&to=${s.day}`);
  const row = admin.getByRole("row").filter({ hasText: `MRN ${s.mrn}` });
  await expect(row).toContainText(code);
  await expect(row).toContainText("Medicare");
  const download = admin.waitForEvent("download");
  await admin.getByRole("button", { name: "Download billing CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^billing-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parse(fs.readFileSync((await file.path())!, "utf8"), { columns: true }) as Record<string, string>[];
  expect(rows.filter((r) => r.sessionId === s.id)).toEqual([
    expect.objectContaining({ code, units: "1", doseMg: String(dose), payerType: "MEDICARE", dateOfService: s.day, mrn: s.mrn }),
  ]);
  const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'report.export' AND after->>'report' = 'billing'`);
  expect(n).toBeGreaterThan(0);
  await admin.screenshot({ path: "test-results/screens/billing-report-1280.png", fullPage: true });
});

test("the billing export refuses a nurse and a malformed range, and a site that is not the administrator's", async ({ page }) => {
  await signIn(page, "nurse@example.com");
  expect((await page.request.get("/api/reports/billing/csv?from=2026-01-01&to=2026-01-31")).status()).toBe(403);
  await signIn(page, "admin@example.com");
  expect((await page.request.get("/api/reports/billing/csv?from=2026-13-01&to=x")).status()).toBe(422);
  expect((await page.request.get("/api/reports/billing/csv?from=2026-01-01&to=2026-01-31&site=nope")).status()).toBe(404);
});
