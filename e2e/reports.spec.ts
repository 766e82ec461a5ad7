import fs from "node:fs";
import { expect, test } from "./helpers/test";
import { parse } from "csv-parse/sync";
import { PDFParse } from "pdf-parse";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

const siteA = async () => (await sql<{ id: string }>(`SELECT id FROM "Site" WHERE code = 'OUT-A'`))[0].id;
const from = "2020-01-01";
const to = "2030-12-31";

test.describe("administrator: Patient Monitoring Forms", () => {
  test("the worklist puts overdue forms first; marking one submitted records the submission and locks it", async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await signIn(page, "admin@example.com");
    const forms = page.getByRole("region", { name: "Patient Monitoring Forms" });
    await expect(forms.getByRole("row").nth(1)).toContainText("Overdue");
    await page.screenshot({ path: "test-results/screens/reports.png", fullPage: true });

    const button = forms.getByRole("button", { name: /^Mark submitted:/ }).first();
    const patient = (await button.getAttribute("aria-label"))!.replace("Mark submitted: ", "");
    await button.click();
    const form = forms.getByRole("form", { name: `Submission of ${patient}` });
    await form.getByRole("button", { name: "Save submission" }).click();
    await expect(form.getByText("Enter the confirmation number or fax receipt")).toBeVisible();
    await form.getByLabel("Channel").selectOption("FAX");
    await form.getByLabel("Confirmation or fax receipt").fill("FAX-RCPT-7781");
    await form.getByRole("button", { name: "Save submission" }).click();
    await expect(form).toBeHidden();
    // A submitted form leaves the open forms at the top of the paged worklist: found by the patient's name.
    await page.goto(`/reports?${new URLSearchParams({ patient: patient.split(",")[0], status: "SUBMITTED" })}`);
    await expect(forms.getByRole("row", { name: new RegExp(patient) }).filter({ hasText: "FAX-RCPT-7781" })).toContainText("fax · FAX-RCPT-7781");
    const [pmf] = await sql<{ id: string; status: string; version: number }>(
      `SELECT id, status, version FROM "PatientMonitoringForm" WHERE confirmation = 'FAX-RCPT-7781'`,
    );
    expect(pmf.status).toBe("SUBMITTED");
    const again = await page.request.post(`/api/reports/pmf/${pmf.id}/submit`, { data: { version: pmf.version, channel: "ONLINE", confirmation: "CHANGED" } });
    expect(again.status()).toBe(409);
    expect((await sql(`SELECT 1 FROM "AuditEvent" WHERE action = 'pmf.submit' AND "entityId" = $1`, [pmf.id])).length).toBe(1);
  });

  test("downloads the CSV (one row per form, formulas neutralised) and the combined PDF", async ({ page }) => {
    await signIn(page, "admin@example.com");
    // A name that a spreadsheet would run as a formula, as if typed at registration.
    // A form the export contains: not an original that was amended (the amendment stands for it).
    const [target] = await sql<{
      id: string;
    }>(`SELECT f.id FROM "PatientMonitoringForm" f JOIN "TreatmentSession" s ON s.id = f."sessionId" JOIN "Site" t ON t.id = s."siteId"
      WHERE t.code = 'OUT-A' AND NOT EXISTS (SELECT 1 FROM "PatientMonitoringForm" a WHERE a."amendsId" = f.id) LIMIT 1`);
    await sql(
      `UPDATE "PatientMonitoringForm" SET fields = jsonb_set(fields, '{patient.lastName}', to_jsonb('=HYPERLINK("http://evil.example","x")'::text)), "fieldsCsv" = NULL WHERE id = $1`,
      [target.id],
    );
    const section = page.getByRole("region", { name: "Export Patient Monitoring Forms" });
    await section.getByLabel("Treatment from").fill(from);
    await section.getByLabel("to", { exact: true }).fill(to);
    const csvDownload = page.waitForEvent("download");
    await section.getByRole("button", { name: "Download CSV" }).click();
    const csv = fs.readFileSync((await (await csvDownload).path())!, "utf8");
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    // One row per session: an amended original is represented by its amendment (e2e/rems-reports.spec.ts amends one).
    const [{ count }] = await sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM "PatientMonitoringForm" f JOIN "TreatmentSession" s ON s.id = f."sessionId"
      WHERE s."siteId" = $1 AND NOT EXISTS (SELECT 1 FROM "PatientMonitoringForm" a WHERE a."amendsId" = f.id)`,
      [await siteA()],
    );
    expect(rows).toHaveLength(count);
    expect(Object.keys(rows[0])).toEqual(
      expect.arrayContaining(["patient.lastName", "bp.post40min", "totalMonitoringMinutes", "readyToLeaveMinutes", "lotNumber"]),
    );
    expect(rows.find((r) => r.sessionId && r["patient.lastName"].includes("HYPERLINK"))!["patient.lastName"]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect((await sql(`SELECT 1 FROM "AuditEvent" WHERE action = 'report.export' AND after->>'format' = 'csv'`)).length).toBeGreaterThan(0);

    const pdfDownload = page.waitForEvent("download");
    await section.getByRole("button", { name: "Download PDF" }).click();
    const bytes = fs.readFileSync((await (await pdfDownload).path())!);
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    const text = await parser.getText();
    await parser.destroy();
    // a page per form; a form with many deviations (late entries, say) may run onto a second page
    expect(text.text.split("SPRAVATO® REMS — Patient Monitoring Form").length - 1).toBe(count);
    expect(text.pages.length).toBeGreaterThanOrEqual(count);
    expect(text.text).toContain("Rivera");
  });

  test("a form opens as a printable page with the values derived from its session", async ({ page }) => {
    await signIn(page, "admin@example.com");
    const forms = page.getByRole("region", { name: "Patient Monitoring Forms" });
    await forms.getByRole("row").nth(1).getByRole("link", { name: "View" }).click();
    await page.waitForURL(/\/reports\/pmf\/[^/]+$/);
    const form = page.getByRole("article", { name: "Patient Monitoring Form" });
    const id = page.url().split("/").at(-1)!;
    const [pmf] = await sql<{ fields: Record<string, unknown> }>(`SELECT fields FROM "PatientMonitoringForm" WHERE id = $1`, [id]);
    const session = form.getByRole("region", { name: "Treatment session" });
    await expect(session).toContainText(`Treatment date${pmf.fields.treatmentDate}`);
    await expect(session).toContainText(`Lot number${pmf.fields.lotNumber}`);
    await expect(form.getByRole("region", { name: "Vital signs and blood pressure" })).toContainText(
      `BP 40 minutes after administration${pmf.fields["bp.post40min"] ?? "—"}`,
    );
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
    await page.screenshot({ path: "test-results/screens/pmf-print.png", fullPage: true });
    expect((await page.request.get(`/reports/pmf/${id}`)).status()).toBe(200);
  });

  test("nurses and psychiatrists are refused every export", async ({ browser }) => {
    const site = await siteA();
    const [pmf] = await sql<{ id: string }>(`SELECT id FROM "PatientMonitoringForm" LIMIT 1`);
    for (const email of ["nurse@example.com", "psych@example.com"]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, email);
      for (const url of [
        `/api/reports/pmf/csv?siteId=${site}&from=${from}&to=${to}`,
        `/api/reports/pmf/pdf?siteId=${site}&from=${from}&to=${to}`,
        `/api/reports/pmf/${pmf.id}/pdf`,
      ])
        expect((await page.request.get(url)).status(), `${email} ${url}`).toBe(403);
      expect((await page.request.post(`/api/reports/pmf/${pmf.id}/submit`, { data: { version: 1, channel: "ONLINE", confirmation: "X-1" } })).status()).toBe(
        403,
      );
      expect((await page.goto("/reports"))?.status()).toBe(403);
      expect((await page.goto(`/reports/pmf/${pmf.id}`))?.status()).toBe(403);
      await context.close();
    }
  });
});

test.describe("administrator: audit log export", () => {
  test("downloads the filtered audit log as CSV from the page; a nurse is refused", async ({ page, browser }) => {
    await signIn(page, "admin@example.com");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await page.getByLabel("Action").fill("auth.");
    await page.getByRole("button", { name: "Filter" }).click();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const rows = parse(fs.readFileSync((await (await download).path())!, "utf8"), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.action.startsWith("auth."))).toBe(true);
    expect(rows.some((r) => r.action === "auth.login" && r.actorEmail === "admin@example.com")).toBe(true);

    const nurseContext = await browser.newContext();
    const nurse = await nurseContext.newPage();
    await signIn(nurse, "nurse@example.com");
    expect((await nurse.request.get("/api/admin/audit/export")).status()).toBe(403);
    await nurseContext.close();
  });
});
