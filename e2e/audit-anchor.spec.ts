import fs from "node:fs";
import { expect, test } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

// Issue 12 §6 in the browser: an administrator downloads a signed anchor of the audit chain's head, the
// export anchors too, and "Verify chain" checks the chain and every anchor. (Deleting rows as the owner and
// the gap it leaves are tested against the database in lib/audit/data.test.ts.)
test("an administrator downloads a signed anchor; exports anchor too; Verify chain checks the anchors", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/audit");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download signed anchor" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-anchor-\d+\.json$/);
  const file = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(file).toMatchObject({ type: "esketamine-tracker/audit-anchor", algorithm: "HMAC-SHA256", chainKey: "global", reason: "download" });
  expect(file.signature).toMatch(/^[0-9a-f]{64}$/);
  // The anchor names the newest audit row at that moment: the download's own audit row, with its hash.
  const [row] = await sql<{ id: string; hash: string; action: string }>(`SELECT id::text, hash, action FROM "AuditEvent" WHERE id = $1`, [file.auditId]);
  expect(row).toEqual({ id: file.auditId, hash: file.hash, action: "audit.anchor_download" });

  const exported = await page.request.get("/api/admin/audit/export?action=audit.");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["x-audit-anchor"]).toMatch(/^\d+ row=\d+ hash=[0-9a-f]{64}$/);
  const [latest] = await sql<{ reason: string }>(`SELECT reason FROM "AuditAnchor" ORDER BY id DESC LIMIT 1`);
  expect(latest.reason).toBe("export");

  await page.reload();
  await expect(page.getByText(/Latest anchor \d+ \(export, .*\) names row #\d+/)).toBeVisible();
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Intact" })).toContainText(/Intact: all \d+ rows verified\./);
  await expect(page.getByRole("status").filter({ hasText: "Intact" })).toContainText(/\d+ anchors?; the latest \(\d+, .*\) names row #\d+\./);
  for (const [w, h] of [
    [820, 1180],
    [1280, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/screens/audit-anchor-${w}.png`, fullPage: false });
  }
});
