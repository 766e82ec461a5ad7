import fs from "node:fs";
import { execFileSync } from "node:child_process";
import { expect, test } from "./helpers/test";
import { PDFParse } from "pdf-parse";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

// Issue 15 §4: one session's audit packet, downloaded by an administrator and read back: the JSON passes the
// standalone check an auditor runs, the PDF carries the same packet hash; nurses are refused.
test.use({ viewport: { width: 820, height: 1180 } });

test("an administrator downloads a session's audit packet from its PMF; the JSON verifies on its own and the PDF matches it", async ({ page }) => {
  const [f] = await sql<{ id: string; sessionId: string; mrn: string }>(`SELECT f.id, f."sessionId", p.mrn FROM "PatientMonitoringForm" f
    JOIN "TreatmentSession" s ON s.id = f."sessionId" JOIN "Patient" p ON p.id = s."patientId" JOIN "Site" st ON st.id = s."siteId"
    WHERE st.code = 'OUT-A' AND s.status = 'DISCHARGED' ORDER BY s."treatmentDate" DESC LIMIT 1`);
  await signIn(page, "admin@example.com");
  await page.goto(`/reports/pmf/${f.id}`);
  const json = page.waitForEvent("download");
  await page.getByRole("link", { name: "Session audit packet (JSON)" }).click();
  const jsonFile = (await (await json).path())!;
  const packet = JSON.parse(fs.readFileSync(jsonFile, "utf8"));
  expect(packet).toMatchObject({ format: "esketamine-tracker/audit-packet/1", session: { id: f.sessionId, patient: { mrn: f.mrn } } });
  expect(packet.monitoringForms.map((m: { id: string }) => m.id)).toContain(f.id);
  const out = execFileSync("node", ["scripts/verify-packet.mjs", jsonFile], { encoding: "utf8" });
  expect(out.trim().split("\n").at(-1)).toBe("OK");
  // One changed byte and the auditor's check fails.
  const tampered = `${jsonFile}.tampered.json`;
  fs.writeFileSync(tampered, fs.readFileSync(jsonFile, "utf8").replace(`"mrn": "${f.mrn}"`, `"mrn": "${f.mrn}X"`));
  expect(() => execFileSync("node", ["scripts/verify-packet.mjs", tampered], { encoding: "utf8" })).toThrow();

  const pdf = page.waitForEvent("download");
  await page.getByRole("link", { name: "Session audit packet (PDF)" }).click();
  const parser = new PDFParse({ data: new Uint8Array(fs.readFileSync((await (await pdf).path())!)) });
  const text = (await parser.getText()).text.replace(/\s+/g, " ");
  await parser.destroy();
  expect(text).toContain("Audit packet");
  expect(text).toContain(`MRN ${f.mrn}`);
  expect(text).toContain("Patient Monitoring Form");
  const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'session.audit_packet' AND "entityId" = $1`, [
    f.sessionId,
  ]);
  expect(n).toBeGreaterThanOrEqual(2);
});

test("a psychiatrist finds the packet on the session; a nurse is refused it", async ({ page, browser }) => {
  const [s] = await sql<{ id: string }>(
    `SELECT s.id FROM "TreatmentSession" s JOIN "Site" st ON st.id = s."siteId" WHERE st.code = 'OUT-A' AND s.status = 'DISCHARGED' ORDER BY s."treatmentDate" DESC LIMIT 1`,
  );
  await signIn(page, "psych@example.com");
  await page.goto(`/sessions/${s.id}`);
  await expect(page.getByRole("region", { name: "Audit packet" }).getByRole("link", { name: "Download audit packet (JSON)" })).toBeVisible();
  const nurse = await (await browser.newContext()).newPage();
  await signIn(nurse, "nurse@example.com");
  expect((await nurse.request.get(`/api/sessions/${s.id}/audit-packet`)).status()).toBe(403);
});
