import fs from "node:fs";
import { expect, test, type Page } from "./helpers/test";
import { parse } from "csv-parse/sync";
import { signIn } from "./helpers/auth";
import { sql, userId } from "./helpers/db";

// These specs run before patients/reports/session-journey, which dose devices of lot 24A118: nothing
// here touches that lot. The lot received here expires after 24A118, so it is never offered first.
const LOT = "26E501";
const siteId = async (code: string) => (await sql<{ id: string }>(`SELECT id FROM "Site" WHERE code = $1`, [code]))[0].id;
const lotId = async (lotNumber: string) => (await sql<{ id: string }>(`SELECT id FROM "InventoryLot" WHERE "lotNumber" = $1`, [lotNumber]))[0].id;
const lotRow = (page: Page, lotNumber: string) =>
  page
    .getByRole("region", { name: "Lots" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: lotNumber }) });
const deviceRow = (page: Page, serial: string) =>
  page
    .getByRole("region", { name: /^Devices/ })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: serial }) });

test.describe.configure({ mode: "serial" });

test.describe("administrator: controlled-substance inventory (R43–R44)", () => {
  test("receives a lot through the form and sees it with its devices on hand; an expired lot is refused and shown as expired", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, "admin@example.com");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inventory" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Inventory — /);
    await expect(lotRow(page, "23K042")).toContainText("Expired");
    await expect(lotRow(page, "23K042")).toContainText("4 to waste or return");
    await expect(lotRow(page, "24A118")).not.toContainText("Expired");

    await page.getByRole("link", { name: "Receive a lot" }).click();
    const form = page.getByRole("form", { name: "Receive a lot" });
    await form.getByRole("button", { name: "Receive lot" }).click();
    await expect(form.getByText("Choose the kit")).toBeVisible();
    await expect(form.getByText("Enter the lot number")).toBeVisible();

    await form.getByLabel("Kit (NDC)").selectOption("50458-028-03");
    await form.getByLabel("Lot number").fill(LOT.toLowerCase());
    await form.getByLabel("Expiry date").fill("2024-01-31");
    await form.getByLabel("Number of devices").fill("10");
    await form.getByLabel("Supplier").fill("Cardinal Specialty Distribution");
    await form.getByRole("button", { name: "Receive lot" }).click();
    await expect(form.getByText(/Enter whole kits/)).toBeVisible();
    await form.getByLabel("Number of devices").fill("9");
    await form.getByRole("button", { name: "Receive lot" }).click();
    // The server refuses an expired lot (422) and says so at the expiry date.
    await expect(form.getByText("Lot 26E501 expired on 2024-01-31: an expired lot cannot be received.").first()).toBeVisible();
    expect(await sql(`SELECT 1 FROM "InventoryLot" WHERE "lotNumber" = $1`, [LOT])).toHaveLength(0);

    await form.getByLabel("Expiry date").fill("2028-12-31");
    await form.getByRole("button", { name: "Receive lot" }).click();
    await expect(page.getByText(`Lot ${LOT} received: 9 devices on hand.`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Lot ${LOT}`);
    await expect(deviceRow(page, `${LOT}-001`)).toContainText("On hand");
    await expect(deviceRow(page, `${LOT}-009`)).toContainText("On hand");

    await page.getByRole("link", { name: /← Inventory/ }).click();
    const row = lotRow(page, LOT);
    await expect(row.getByRole("cell")).toHaveText([
      "9",
      "Reconciled",
      "31 Dec 2028",
      "9",
      "0",
      "0",
      "0",
      "9",
      "None",
      "84 mg kit (3 devices)NDC 50458-028-03",
    ]);
    await page.screenshot({ path: "test-results/screens/inventory.png", fullPage: true });
    const [lot] = await sql<{ count: number; by: string }>(
      `SELECT count(d.id)::int AS count, l."receivedById" AS by FROM "InventoryLot" l JOIN "Device" d ON d."lotId" = l.id WHERE l."lotNumber" = $1 GROUP BY l.id`,
      [LOT],
    );
    expect(lot).toEqual({ count: 9, by: await userId("admin@example.com") });
    // (the demo's own lots were received through the same command: count this lot's receipt only)
    expect(
      await sql(
        `SELECT 1 FROM "AuditEvent" WHERE action = 'inventory.receive' AND "actorEmail" = 'admin@example.com' AND "entityId" IN (SELECT id FROM "InventoryLot" WHERE "lotNumber" = $1)`,
        [LOT],
      ),
    ).toHaveLength(1);
  });

  test("wastes a device with a second person as witness; yourself as witness is refused", async ({ page }) => {
    await signIn(page, "admin@example.com");
    const id = await lotId(LOT);
    await page.goto(`/inventory/lots/${id}`);
    const form = page.getByRole("form", { name: "Waste a device" });
    // The list never offers yourself; the server refuses it anyway, at the witness field.
    await expect(form.getByLabel("Witness", { exact: true }).getByRole("option", { name: /Adam Cole/ })).toHaveCount(0);
    const [device] = await sql<{ id: string }>(`SELECT d.id FROM "Device" d WHERE d.serial = $1`, [`${LOT}-001`]);
    const self = await page.request.post(`/api/inventory/lots/${id}/waste`, {
      data: { deviceId: device.id, reason: "Dropped", witnessId: await userId("admin@example.com"), witnessPassword: "Demo-pass-2026" },
    });
    expect(self.status()).toBe(422);
    expect((await self.json()).fieldErrors.witnessId[0]).toBe("The witness must be a second person, not you.");

    // Bad input is a 422 with a message at the field, never a 500.
    const broken = await page.request.post(`/api/inventory/lots/${id}/waste`, { data: "{not json", headers: { "content-type": "application/json" } });
    expect(broken.status()).toBe(422);
    const foreign = await page.request.post(`/api/inventory/lots/${id}/waste`, {
      data: { deviceId: "no-such-device", reason: "Dropped", witnessId: await userId("nurse@example.com"), witnessPassword: "Demo-pass-2026" },
    });
    expect(foreign.status()).toBe(422);
    expect((await foreign.json()).fieldErrors.deviceId[0]).toBe("Choose a device of this lot");

    await form.getByRole("button", { name: "Record waste" }).click();
    await expect(form.getByText("Choose the device")).toBeVisible();
    await expect(form.getByText("Choose the witness")).toBeVisible();
    await form.getByLabel("Device to waste").selectOption({ label: `${LOT}-001` });
    await form.getByLabel("Reason").fill("Dropped; sprayed while priming");
    await form.getByLabel("Witness", { exact: true }).selectOption({ label: "Nora Bishop (nurse)" });
    await form.getByLabel("Witness's password").fill("not-her-password");
    await form.getByRole("button", { name: "Record waste" }).click();
    await expect(form.getByText("This is not the witness's password")).toBeVisible();
    await form.getByLabel("Witness's password").fill("Demo-pass-2026");
    await form.getByRole("button", { name: "Record waste" }).click();
    await expect(form.getByText(`Device ${LOT}-001 is recorded as wasted.`)).toBeVisible();
    await expect(deviceRow(page, `${LOT}-001`)).toContainText("Wasted");
    await expect(deviceRow(page, `${LOT}-001`)).toContainText("witnessed by Nora Bishop");
    await expect(form.getByLabel("Device to waste").getByRole("option", { name: `${LOT}-001` })).toHaveCount(0);

    // A second waste of the same device is a conflict, not a second record.
    const again = await page.request.post(`/api/inventory/lots/${id}/waste`, {
      data: { deviceId: device.id, reason: "Again", witnessId: await userId("nurse@example.com"), witnessPassword: "Demo-pass-2026" },
    });
    expect(again.status()).toBe(409);
    expect(await sql(`SELECT 1 FROM "WasteRecord" WHERE "deviceId" = $1`, [device.id])).toHaveLength(1);
  });

  test("returns a device to the supplier", async ({ page }) => {
    await signIn(page, "admin@example.com");
    await page.goto(`/inventory/lots/${await lotId(LOT)}`);
    const form = page.getByRole("form", { name: "Return a device" });
    await expect(form.getByLabel("Returned to")).toHaveValue("Cardinal Specialty Distribution");
    await form.getByLabel("Device to return").selectOption({ label: `${LOT}-002` });
    await form.getByLabel("Reason for return").fill("Damaged carton");
    await form.getByRole("button", { name: "Record return" }).click();
    await expect(form.getByText(`Device ${LOT}-002 is recorded as returned.`)).toBeVisible();
    await expect(deviceRow(page, `${LOT}-002`)).toContainText("Returned");
    await expect(deviceRow(page, `${LOT}-002`)).toContainText("to Cardinal Specialty Distribution");
  });

  test("an expired lot says so, and its devices can still be returned (never administered)", async ({ page }) => {
    await signIn(page, "admin@example.com");
    await page.goto(`/inventory/lots/${await lotId("23K042")}`);
    await expect(
      page.getByText("This lot expired on 31 Oct 2026: its devices cannot be administered. Waste or return the 4 devices still on hand."),
    ).toBeVisible();
    const form = page.getByRole("form", { name: "Return a device" });
    await form.getByLabel("Device to return").selectOption({ label: "23K042-001" });
    await form.getByLabel("Reason for return").fill("Expired");
    await form.getByRole("button", { name: "Record return" }).click();
    await expect(deviceRow(page, "23K042-001")).toContainText("Returned");
    await expect(page.getByText("Waste or return the 3 devices still on hand.")).toBeVisible();
    expect(await sql(`SELECT 1 FROM "AuditEvent" WHERE action = 'inventory.return' AND reason = 'Expired'`)).toHaveLength(1);
  });

  test("a physical count that does not match the expected stock is flagged as a discrepancy", async ({ page }) => {
    await signIn(page, "admin@example.com");
    await page.goto(`/inventory/lots/${await lotId(LOT)}`);
    const form = page.getByRole("form", { name: "Record a physical count" });
    await form.getByLabel("Devices counted").fill("-1");
    await form.getByRole("button", { name: "Record count" }).click();
    await expect(form.getByText("Cannot be negative")).toBeVisible();
    await form.getByLabel("Devices counted").fill("6");
    await form.getByLabel("Note").fill("One device missing from the safe");
    await form.getByRole("button", { name: "Record count" }).click();
    // 9 received − 1 wasted − 1 returned = 7 expected.
    await expect(form.getByText("Count recorded with a discrepancy: 6 counted, 7 expected (-1).")).toBeVisible();
    const reconciliation = page.getByRole("region", { name: "Reconciliation" });
    await expect(reconciliation.getByText("Discrepancy", { exact: true })).toBeVisible();
    await expect(reconciliation).toContainText("The last physical count found 6 devices; 7 were expected (-1).");
    await expect(page.getByRole("region", { name: "Physical count" }).getByRole("row").nth(1)).toContainText("Mismatch -1");

    await page.screenshot({ path: "test-results/screens/inventory-lot.png", fullPage: true });
    await page.getByRole("link", { name: /← Inventory/ }).click();
    await expect(lotRow(page, LOT)).toContainText("Discrepancy");
    await expect(lotRow(page, "24A118")).toContainText("Reconciled");
    const [count] = await sql<{ countedDevices: number; expectedDevices: number }>(
      `SELECT c."countedDevices", c."expectedDevices" FROM "InventoryCount" c JOIN "InventoryLot" l ON l.id = c."lotId" WHERE l."lotNumber" = $1`,
      [LOT],
    );
    expect(count).toEqual({ countedDevices: 6, expectedDevices: 7 });
  });

  test("the dispensing log lists every administered device of the seed and downloads as CSV", async ({ page }) => {
    const since = new Date(Date.now() - 1000); // exports by other specs (the authorization matrix) are not this one's
    await signIn(page, "admin@example.com");
    const site = await siteId("OUT-A");
    const expected = await sql<{ serial: string; mrn: string }>(
      `SELECT d.serial, p.mrn FROM "DeviceAdministration" a JOIN "Device" d ON d.id = a."deviceId" JOIN "TreatmentSession" s ON s.id = a."sessionId" JOIN "Patient" p ON p.id = s."patientId"
       WHERE s."siteId" = $1 ORDER BY a."administeredAt", a.id`,
      [site],
    ); // entries in error stay in the log, marked
    expect(expected.length).toBeGreaterThan(0);
    await page.goto(`/inventory`);
    await page.getByRole("link", { name: "Dispensing log" }).click();
    const filter = page.getByRole("form", { name: "Filter dispensing log" });
    await filter.getByLabel("From").fill("2020-01-01");
    await filter.getByLabel("To").fill("2019-01-01");
    await filter.getByRole("button", { name: "Show" }).click();
    await expect(filter.getByText("The end date is before the start date")).toBeVisible();
    await filter.getByLabel("To").fill("2030-12-31");
    await filter.getByRole("button", { name: "Show" }).click();
    const table = page.getByRole("region", { name: "Administered devices" });
    const rows = table.getByRole("row");
    await expect(rows).toHaveCount(Math.min(expected.length, 25) + 1); // a page of the shared table
    await expect(rows.nth(1)).toContainText(expected[0].serial);
    await expect(rows.nth(1)).toContainText(expected[0].mrn);
    await expect(rows.nth(1)).toContainText("24A118");

    await page.screenshot({ path: "test-results/screens/inventory-dispensing-log.png" });
    const download = page.waitForEvent("download");
    await filter.getByRole("link", { name: "Download CSV" }).click();
    const csv = fs.readFileSync((await (await download).path())!, "utf8");
    const parsed = parse(csv, { columns: true }) as Record<string, string>[];
    expect(parsed.map((r) => r.deviceSerial)).toEqual(expected.map((e) => e.serial));
    expect(Object.keys(parsed[0])).toEqual([
      "date",
      "time",
      "timeZone",
      "administeredAtUtc",
      "patient",
      "mrn",
      "doseMg",
      "devicesInSession",
      "deviceSequence",
      "deviceSerial",
      "lotNumber",
      "ndc",
      "nurse",
      "sessionId",
      "enteredInError",
    ]);
    expect(parsed[0]).toMatchObject({ mrn: expected[0].mrn, lotNumber: "24A118", timeZone: "America/New_York" });
    expect(Number(parsed[0].doseMg) % 28).toBe(0);
    expect(await sql(`SELECT 1 FROM "AuditEvent" WHERE action = 'inventory.dispensing_log.export' AND "siteId" = $1 AND at >= $2`, [site, since])).toHaveLength(
      1,
    );
  });

  test("an administrator of another site gets 404 for a lot and a log that are not theirs", async ({ page }) => {
    // An administrator of OUT-A only (the demo administrator works at both sites).
    await sql(`INSERT INTO "User" (id, email, "firstName", "lastName", role, "passwordHash", "updatedAt")
               SELECT 'e2e-inventory-admin', 'admin.a@example.com', 'Ivy', 'Admin', 'ADMIN', "passwordHash", now() FROM "User" WHERE email = 'admin@example.com'
               ON CONFLICT DO NOTHING`);
    await sql(`INSERT INTO "UserSite" ("userId", "siteId") VALUES ('e2e-inventory-admin', $1) ON CONFLICT DO NOTHING`, [await siteId("OUT-A")]);
    await signIn(page, "admin.a@example.com");
    const other = await lotId("25C007");
    const inB = await siteId("IN-B");
    expect((await page.goto(`/inventory/lots/${other}`))?.status()).toBe(404);
    expect((await page.goto(`/inventory?site=${inB}`))?.status()).toBe(404);
    const [device] = await sql<{ id: string }>(`SELECT id FROM "Device" WHERE "lotId" = $1 AND status = 'ON_HAND' LIMIT 1`, [other]);
    expect((await page.request.post(`/api/inventory/lots/${other}/returns`, { data: { deviceId: device.id, returnedTo: "X", reason: "Y" } })).status()).toBe(
      404,
    );
    expect((await page.request.post(`/api/inventory/lots/${other}/counts`, { data: { countedDevices: 1 } })).status()).toBe(404);
    expect((await page.request.get(`/api/inventory/dispensing-log/csv?siteId=${inB}&from=2020-01-01&to=2030-12-31`)).status()).toBe(404);
    expect((await sql<{ status: string }>(`SELECT status FROM "Device" WHERE id = $1`, [device.id]))[0].status).toBe("ON_HAND");
  });

  test("a nurse is refused the inventory pages and every inventory route", async ({ page }) => {
    await signIn(page, "nurse@example.com");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inventory" })).toHaveCount(0);
    const id = await lotId(LOT);
    const site = await siteId("OUT-A");
    for (const url of ["/inventory", "/inventory/lots/new", `/inventory/lots/${id}`, "/inventory/dispensing-log"])
      expect((await page.goto(url))?.status(), url).toBe(403);
    const [device] = await sql<{ id: string }>(`SELECT id FROM "Device" WHERE serial = $1`, [`${LOT}-003`]);
    const posts: [string, unknown][] = [
      [
        "/api/inventory/lots",
        {
          siteId: site,
          ndc: "50458-028-03",
          lotNumber: "NURSE1",
          expiresOn: "2029-01-01",
          deviceCount: 3,
          supplier: "X",
          receivedById: await userId("nurse@example.com"),
        },
      ],
      [
        `/api/inventory/lots/${id}/waste`,
        { deviceId: device.id, reason: "X", witnessId: await userId("nurse2@example.com"), witnessPassword: "Demo-pass-2026" },
      ],
      [`/api/inventory/lots/${id}/returns`, { deviceId: device.id, returnedTo: "X", reason: "Y" }],
      [`/api/inventory/lots/${id}/counts`, { countedDevices: 1 }],
    ];
    for (const [url, data] of posts) expect((await page.request.post(url, { data })).status(), url).toBe(403);
    expect((await page.request.get(`/api/inventory/dispensing-log/csv?siteId=${site}&from=2020-01-01&to=2030-12-31`)).status()).toBe(403);
    expect((await sql<{ status: string }>(`SELECT status FROM "Device" WHERE id = $1`, [device.id]))[0].status).toBe("ON_HAND");
    expect(
      await sql(`SELECT 1 FROM "AuditEvent" WHERE action = 'access.denied' AND "actorEmail" = 'nurse@example.com' AND reason LIKE '%inventory.manage%'`),
    ).not.toHaveLength(0);
  });
});
