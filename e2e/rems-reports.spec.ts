import fs from "node:fs";
import { expect, test } from "./helpers/test";
import { parse } from "csv-parse/sync";
import { PDFParse } from "pdf-parse";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

// The administrator's REMS reports beyond the PMF worklist (REMS.md §6). The seed (prisma/seed/reports.ts)
// provides a serious unreported event, a late 40-minute BP, a missing SpO2 and two transfers.
const nyToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());
const pdfText = async (bytes: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  const text = await parser.getText();
  await parser.destroy();
  return text.text;
};

test.describe("administrator: REMS reports", () => {
  test("amends a submitted PMF with a reason; the worklist and the printed forms show the link both ways", async ({ page }) => {
    const [original] = await sql<{ id: string; confirmation: string; version: number }>(`SELECT f.id, f.confirmation, f.version FROM "PatientMonitoringForm" f
      JOIN "TreatmentSession" s ON s.id = f."sessionId" JOIN "Patient" p ON p.id = s."patientId"
      WHERE p.mrn = 'A-1003' AND f.status = 'SUBMITTED' ORDER BY s."treatmentDate" LIMIT 1`);
    await signIn(page, "admin@example.com");
    // The worklist is paged: the patient's forms, found by MRN, are on one page.
    await page.goto("/reports?patient=A-1003");
    const forms = page.getByRole("region", { name: "Patient Monitoring Forms" });
    const row = forms.getByRole("row").filter({ hasText: original.confirmation });
    await row.getByRole("button", { name: /^Amend:/ }).click();
    const form = row.getByRole("form", { name: /^Amendment of/ });
    await form.getByRole("button", { name: "Create amendment" }).click();
    await expect(form.getByText("Say what is being corrected and why (at least 10 characters)")).toBeVisible();
    await form.getByLabel("Reason for the amendment").fill("Concomitant benzodiazepine answer re-checked with the patient");
    await form.getByRole("button", { name: "Create amendment" }).click();

    const linked = forms.getByRole("row").filter({ hasText: original.confirmation });
    await expect(linked).toHaveCount(2);
    await expect(linked.filter({ hasText: "Amended by the form of" })).toContainText("Concomitant benzodiazepine answer re-checked");
    await expect(linked.filter({ hasText: "Amends the form submitted" })).toContainText(
      "Reason: Concomitant benzodiazepine answer re-checked with the patient",
    );
    await page.screenshot({ path: "test-results/screens/reports-amendment.png", fullPage: true });

    const [amendment] = await sql<{ id: string; status: string; dueDate: Date }>(
      `SELECT id, status, "dueDate" FROM "PatientMonitoringForm" WHERE "amendsId" = $1`,
      [original.id],
    );
    expect(amendment.status).toBe("READY");
    const [after] = await sql<{ status: string; version: number }>(`SELECT status, version FROM "PatientMonitoringForm" WHERE id = $1`, [original.id]);
    expect(after).toEqual({ status: "SUBMITTED", version: original.version });
    expect((await sql(`SELECT 1 FROM "AuditEvent" WHERE action = 'pmf.amend' AND "entityId" = $1`, [amendment.id])).length).toBe(1);
    const again = await page.request.post(`/api/reports/pmf/${original.id}/amend`, {
      data: { version: original.version, reason: "A second correction of the same form" },
    });
    expect(again.status()).toBe(409);

    const amendmentPdf = (await pdfText(await (await page.request.get(`/api/reports/pmf/${amendment.id}/pdf`)).body())).replace(/\s+/g, " ");
    expect(amendmentPdf).toContain(`AMENDMENT of form ${original.id}`);
    expect(amendmentPdf).toContain("Reason: Concomitant benzodiazepine answer re-checked with the patient");
    expect((await pdfText(await (await page.request.get(`/api/reports/pmf/${original.id}/pdf`)).body())).replace(/\s+/g, " ")).toContain(
      `it is corrected by form ${amendment.id}`,
    );
  });

  test("records 'reported to REMS' for the serious event; a bad date or reference is refused at the field; it leaves the open list", async ({ page }) => {
    await signIn(page, "admin@example.com");
    await page.goto("/reports/adverse-events");
    await expect(page.getByRole("status", { name: "Open REMS reports" })).toHaveText("1 serious event not yet reported to the REMS");
    const log = page.getByRole("region", { name: "Adverse-event log" });
    const row = log.getByRole("row").nth(1);
    await expect(row).toContainText("Stone, Gabriel");
    await expect(row).toContainText("Respiratory depression");
    await expect(row).toContainText("SpO₂ nadir 89%");
    await expect(row).toContainText("Supplemental oxygen 2 L/min by nasal cannula");
    await page.screenshot({ path: "test-results/screens/reports-adverse-events.png", fullPage: true });

    // The seed's event was opened by the readings, then updated and resolved through the commands: each bumps its version.
    const [seeded] = await sql<{ version: number }>(`SELECT version FROM "AdverseEvent" WHERE serious AND type = 'RESPIRATORY_DEPRESSION'`);
    await row.getByRole("button", { name: /^Record report to the REMS:/ }).click();
    const form = page.getByRole("dialog", { name: /^Reported to REMS: Stone, Gabriel/ }).getByRole("form");
    await form.getByLabel("Date reported").fill("2099-01-01");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByText("This date is in the future")).toBeVisible();
    await expect(form.getByText("Enter the REMS reference number (at least 3 characters)")).toBeVisible();
    // Possible in itself, refused by the server against the event's onset: a 422 on the field.
    await form.getByLabel("Date reported").fill("2020-01-02");
    await form.getByLabel("REMS reference number").fill("REMS-2026-0042");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByText(/it cannot have been reported before/)).toBeVisible();
    await page.screenshot({ path: "test-results/screens/reports-adverse-events-refused.png", fullPage: true });

    await form.getByLabel("Date reported").fill(nyToday());
    await form.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status", { name: "Open REMS reports" })).toHaveText("Every serious event is reported to the REMS");
    await expect(log.getByRole("row").filter({ hasText: "Stone, Gabriel" })).toContainText(`${nyToday()} · REMS-2026-0042`);
    const [ae] = await sql<{ remsReference: string; version: number }>(
      `SELECT "remsReference", version FROM "AdverseEvent" WHERE serious AND type = 'RESPIRATORY_DEPRESSION'`,
    );
    expect(ae).toEqual({ remsReference: "REMS-2026-0042", version: seeded.version + 1 });
    expect((await sql(`SELECT 1 FROM "AuditEvent" WHERE action = 'adverse_event.reported_to_rems'`)).length).toBe(1);
  });

  test("downloads the adverse-event CSV with progress and parses it", async ({ page }) => {
    const since = new Date(Date.now() - 1000); // exports by other specs (the authorization matrix) are not this one's
    await signIn(page, "admin@example.com");
    await page.goto("/reports/adverse-events");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^adverse-events-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(fs.readFileSync((await file.path())!, "utf8"), { columns: true }) as Record<string, string>[];
    const [{ count }] = await sql<{ count: number }>(`SELECT count(*)::int AS count FROM "AdverseEvent"`);
    expect(rows).toHaveLength(count);
    await expect(page.getByRole("status").filter({ hasText: "Downloaded" })).toHaveText(`Downloaded ${count} rows.`);
    expect(rows.find((r) => r.patient === "Stone, Gabriel")).toMatchObject({
      type: "RESPIRATORY_DEPRESSION",
      serious: "Yes",
      spo2Nadir: "89",
      reportToRems: "done",
      remsReference: "REMS-2026-0042",
      interventions: "Verbal and tactile stimulation; Supplemental oxygen 2 L/min by nasal cannula",
    });
    expect(rows.find((r) => r.patient === "Rivera, Casey")).toMatchObject({ type: "DISSOCIATION", serious: "No", reportToRems: "not required" });
    expect((await sql(`SELECT 1 FROM "AuditEvent" WHERE action = 'report.export' AND after->>'report' = 'adverse-events' AND at >= $1`, [since])).length).toBe(
      1,
    );

    // The filters narrow the log (and the CSV with it): dissociation events only.
    await page.getByLabel("Type").selectOption("DISSOCIATION");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/type=DISSOCIATION/);
    const log = page.getByRole("region", { name: "Adverse-event log" });
    await expect(log.getByRole("row")).toHaveCount(2);
    await expect(log.getByRole("row").nth(1)).toContainText("Rivera, Casey");
  });

  test("the deviation, enrollment and monitoring-duration reports show the seeded record", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, "admin@example.com");
    await page.goto("/reports");
    await page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "Protocol deviations" }).click();
    const deviations = page.getByRole("region", { name: "Protocol deviations" });
    await expect(deviations.getByRole("row").filter({ hasText: "Kim, Jordan" })).toContainText("40-minute blood pressure taken at 53 minutes (window 30–50).");
    // (Indira Patel may have another session in the range, with its own findings.)
    await expect(
      deviations.getByRole("row").filter({ hasText: "Patel, Indira" }).filter({ hasText: "No SpO₂ with the last (pre-discharge) reading." }),
    ).toHaveCount(1);
    await expect(deviations.getByRole("row").filter({ hasText: "Rivera, Casey" }).filter({ hasText: "GATE R14" })).toContainText("proceed — Priya Shah");
    // The page's default range: the 60 days up to the site's today (Lucia Alvarez's course reaches further back).
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());
    const [{ dosed }] = await sql<{ dosed: number }>(
      `SELECT count(*)::int AS dosed FROM "TreatmentSession" s WHERE s."treatmentDate" >= $1::date - 60
      AND EXISTS (SELECT 1 FROM "DeviceAdministration" d WHERE d."sessionId" = s.id AND d."enteredInErrorAt" IS NULL)`,
      [today],
    );
    await expect(page.getByRole("definition").first()).toHaveText(String(dosed));
    await page.screenshot({ path: "test-results/screens/reports-deviations.png", fullPage: true });

    await page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "Enrollment and certification" }).click();
    await expect(page.getByRole("region", { name: "Site certification" }).getByRole("row").filter({ hasText: "Riverside Outpatient Clinic" })).toContainText(
      "Dr. Helen Marsh",
    );
    const transfers = page.getByRole("region", { name: "Transfers to another certified setting" });
    await expect(transfers.getByRole("row").filter({ hasText: "Bell, Marcus" })).toContainText("REMS not notified");
    await expect(transfers.getByRole("row").filter({ hasText: "Chowdhury, Nadia" })).toContainText("Notified before transfer");
    await expect(transfers).toContainText("1 transfer has no notification date.");
    const patients = page.getByRole("region", { name: "Patient enrollment" });
    await expect(patients.getByRole("row").filter({ hasText: "Quinn, Avery" })).toContainText("Not enrolled");
    await expect(patients.getByRole("row").filter({ hasText: "Bennett, Kai" })).toContainText("Not required (inpatient)");
    await page.screenshot({ path: "test-results/screens/reports-enrollment.png", fullPage: true });

    await page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "Monitoring duration" }).click();
    const totals = await sql<{ minutes: number; ready: number | null }>(
      `SELECT floor(extract(epoch FROM s."endOfMonitoringAt" - min(d."administeredAt")) / 60)::int AS minutes, max(dd."readyToLeaveMinutes") AS ready
      FROM "TreatmentSession" s JOIN "DeviceAdministration" d ON d."sessionId" = s.id AND d."enteredInErrorAt" IS NULL JOIN "DischargeDecision" dd ON dd."sessionId" = s.id
      WHERE s.status = 'DISCHARGED' AND s."treatmentDate" >= $1::date - 60 GROUP BY s.id`,
      [today],
    );
    const total = page.getByRole("table", { name: "Total monitoring time by bucket" });
    const count = (lo: number, hi: number) => String(totals.filter((t) => t.minutes >= lo && t.minutes < hi).length);
    await expect(total.getByRole("row", { name: "120–129" })).toContainText(count(120, 130));
    await expect(total.getByRole("row", { name: "130–139" })).toContainText(count(130, 140));
    await expect(total.getByRole("row", { name: "< 120" })).toContainText(count(0, 120));
    const ready = page.getByRole("table", { name: "Ready to leave without the 2-hour minimum by bucket" });
    await expect(ready.getByRole("row", { name: "75–89" })).toContainText(String(totals.filter((t) => t.ready! >= 75 && t.ready! < 90).length));
    await expect(page.getByRole("region", { name: "Total monitoring time" }).getByRole("definition").first()).toHaveText(String(totals.length));
    await page.screenshot({ path: "test-results/screens/reports-monitoring-duration.png", fullPage: true });
  });

  test("bad input to the new routes is a 4xx with a message, never a 500; another clinic's records are a 404", async ({ page }) => {
    await signIn(page, "admin@example.com");
    const [ae] = await sql<{ id: string }>(`SELECT id FROM "AdverseEvent" LIMIT 1`);
    const notJson = await page.request.post(`/api/reports/adverse-events/${ae.id}/reported-to-rems`, {
      headers: { "content-type": "application/json" },
      data: "{not json",
    });
    expect(notJson.status()).toBe(422);
    const badTypes = await page.request.post(`/api/reports/adverse-events/${ae.id}/reported-to-rems`, {
      data: { version: "one", reportedOn: 5, reference: null },
    });
    expect(badTypes.status()).toBe(422);
    expect(Object.keys((await badTypes.json()).fieldErrors).sort()).toEqual(["reference", "reportedOn", "version"]);
    expect((await page.request.post(`/api/reports/pmf/no-such-form/amend`, { data: { version: 1, reason: "A reason long enough" } })).status()).toBe(404);
    expect((await page.request.get(`/api/reports/adverse-events/csv?site=some-other-site`)).status()).toBe(404);
    expect((await page.request.head(`/api/reports/pmf/csv?siteId=x&from=2026-02-01&to=2026-01-01`)).status()).toBe(422);

    // A clinic the administrator does not work at: its event and its submitted form "do not exist" for him.
    const [nurse] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = 'nurse@example.com'`);
    await sql(
      `INSERT INTO "Site" (id, code, name, "settingType", "certificationStatus", address1, city, state, zip, "updatedAt") VALUES ('site-z', 'OUT-Z', 'Elsewhere Clinic', 'OUTPATIENT', 'ACTIVE', '1 Elm St', 'Troy', 'NY', '12180', now())`,
    );
    await sql(
      `INSERT INTO "Patient" (id, "siteId", mrn, "firstName", "lastName", "birthDate", sex, "updatedAt") VALUES ('patient-z', 'site-z', 'Z-1', 'Zed', 'Other', '1980-01-01', 'MALE', now())`,
    );
    await sql(
      `INSERT INTO "TreatmentSession" (id, "patientId", "siteId", status, "treatmentDate", "updatedAt") VALUES ('session-z', 'patient-z', 'site-z', 'DISCHARGED', '2026-03-06', now())`,
    );
    await sql(
      `INSERT INTO "PatientMonitoringForm" (id, "sessionId", "siteId", "formVersion", fields, status, "dueDate", "submittedAt", channel, confirmation) VALUES ('pmf-z', 'session-z', 'site-z', 'current-2024', '{}', 'SUBMITTED', '2026-03-13', now(), 'ONLINE', 'Z-CONF')`,
    );
    await sql(
      `INSERT INTO "AdverseEvent" (id, "patientId", "siteId", type, description, serious, "onsetAt", "recordedById") VALUES ('ae-z', 'patient-z', 'site-z', 'OTHER', 'Elsewhere', true, '2026-03-06T15:00:00Z', $1)`,
      [nurse.id],
    );
    expect((await page.request.post(`/api/reports/pmf/pmf-z/amend`, { data: { version: 1, reason: "Not this administrator's clinic" } })).status()).toBe(404);
    expect(
      (
        await page.request.post(`/api/reports/adverse-events/ae-z/reported-to-rems`, { data: { version: 1, reportedOn: "2026-03-07", reference: "REMS-Z" } })
      ).status(),
    ).toBe(404);
    expect((await page.request.get(`/api/reports/adverse-events/csv?site=site-z`)).status()).toBe(404);
    await page.goto("/reports/adverse-events");
    await expect(page.getByRole("region", { name: "Adverse-event log" })).not.toContainText("Other, Zed");
    expect((await sql(`SELECT "amendsId" FROM "PatientMonitoringForm" WHERE "amendsId" = 'pmf-z'`)).length).toBe(0);
    expect((await sql<{ remsReference: string | null }>(`SELECT "remsReference" FROM "AdverseEvent" WHERE id = 'ae-z'`))[0].remsReference).toBeNull();
  });

  test("nurses and psychiatrists get 403 on every new report page and route", async ({ browser }) => {
    const [ae] = await sql<{ id: string }>(`SELECT id FROM "AdverseEvent" LIMIT 1`);
    const [pmf] = await sql<{ id: string }>(`SELECT id FROM "PatientMonitoringForm" WHERE status = 'SUBMITTED' LIMIT 1`);
    const [site] = await sql<{ id: string }>(`SELECT id FROM "Site" WHERE code = 'OUT-A'`);
    for (const email of ["nurse@example.com", "psych@example.com"]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, email);
      for (const path of ["/reports/adverse-events", "/reports/deviations", "/reports/enrollment", "/reports/monitoring-duration"])
        expect((await page.goto(path))?.status(), `${email} ${path}`).toBe(403);
      expect((await page.request.get("/api/reports/adverse-events/csv")).status(), `${email} AE CSV`).toBe(403);
      expect((await page.request.head("/api/reports/adverse-events/csv")).status(), `${email} AE CSV HEAD`).toBe(403);
      expect((await page.request.head(`/api/reports/pmf/csv?siteId=${site.id}&from=2020-01-01&to=2030-12-31`)).status(), `${email} PMF HEAD`).toBe(403);
      expect(
        (
          await page.request.post(`/api/reports/adverse-events/${ae.id}/reported-to-rems`, {
            data: { version: 1, reportedOn: "2026-01-01", reference: "REMS-1" },
          })
        ).status(),
      ).toBe(403);
      expect((await page.request.post(`/api/reports/pmf/${pmf.id}/amend`, { data: { version: 1, reason: "Not allowed for this role" } })).status()).toBe(403);
      await context.close();
    }
  });
});
