import { expect, test, type Locator, type Page } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

// The shared table (components/ui/data-table.tsx) on a tablet: server-side pages and sorts in the URL,
// the action column in view while the rest scrolls sideways. Read-only over the demo data.

const TABLET = { width: 820, height: 1180 };

/** When the table is wider than its box it says so (and can be scrolled with the keyboard); otherwise it says nothing. */
async function expectScrollNoteWhenWider(region: Locator) {
  const wider = await region.getByRole("table").evaluate((t) => t.parentElement!.scrollWidth > t.parentElement!.clientWidth + 1);
  if (wider) {
    await expect(region.getByText("The table scrolls sideways")).toBeVisible();
    await expect(region.getByRole("table").locator("xpath=..")).toHaveAttribute("tabindex", "0");
  } else await expect(region.getByText("The table scrolls sideways")).toHaveCount(0);
}

/** Scrolls the page (not the table) so that the element's top is near the top of the viewport. */
async function scrollPageTo(page: Page, el: Locator) {
  const box = (await el.boundingBox())!;
  await page.evaluate((y) => window.scrollBy(0, y), box.y - 120);
}

test.describe("shared tables at tablet width", () => {
  test("pages through the PMF worklist with the back button, sorts by due date, and keeps the actions in view", async ({ page }) => {
    await page.setViewportSize(TABLET);
    await signIn(page, "admin@example.com");
    await page.goto("/reports");
    const forms = page.getByRole("region", { name: "Patient Monitoring Forms" });
    const [{ count }] = await sql<{ count: number }>(`SELECT count(*)::int AS count FROM "PatientMonitoringForm"`);
    expect(count).toBeGreaterThan(25);
    await expect(forms.getByText(/^Showing 1–25 of \d+ forms$/)).toBeVisible();
    await expect(forms.getByRole("row")).toHaveCount(26);

    // Whether or not the table is wider than the tablet, the row's actions are in view.
    await expectScrollNoteWhenWider(forms);
    const firstRow = forms.getByRole("row").nth(1);
    await scrollPageTo(page, firstRow);
    await expect(firstRow.getByRole("link", { name: /^View the form of/ })).toBeInViewport();
    await page.screenshot({ path: "test-results/screens/lists-pmf-820.png" });

    const pages = page.getByRole("navigation", { name: "Pages of Patient Monitoring Forms" });
    await pages.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(forms.getByText(/^Showing 26–50 of/)).toBeVisible();
    await expect(pages.getByText("2", { exact: true })).toHaveAttribute("aria-current", "page");
    await page.goBack();
    await expect(forms.getByText(/^Showing 1–25 of/)).toBeVisible();

    // Sorted by due date, latest first: open forms still lead, their due dates descending; the URL keeps it.
    const due = forms.getByRole("columnheader", { name: /Due/ });
    await expect(due).toHaveAttribute("aria-sort", "ascending");
    await due.getByRole("link").click();
    await expect(page).toHaveURL(/sort=due&dir=desc/);
    await expect(forms.getByRole("columnheader", { name: /Due/ })).toHaveAttribute("aria-sort", "descending");
    const rows = await forms.getByRole("row").evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText)));
    const openDue = rows.filter((r) => !r[3].includes("Submitted")).map((r) => r[2]);
    expect(openDue.length).toBeGreaterThan(0);
    expect(openDue).toEqual([...openDue].sort().reverse());

    // A hand-edited sort or page falls back to the default, never an error page.
    const bad = await page.goto("/reports?sort=%22dueDate%22%3B+DROP&dir=up&page=-4");
    expect(bad!.status()).toBe(200);
    await expect(forms.getByText(/^Showing 1–25 of/)).toBeVisible();

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/reports");
    await page.screenshot({ path: "test-results/screens/lists-pmf-1280.png", fullPage: true });
  });

  test('the adverse-event log keeps "Reported to REMS" in view at tablet width', async ({ page }) => {
    await page.setViewportSize(TABLET);
    await signIn(page, "admin@example.com");
    await page.goto("/reports/adverse-events");
    const log = page.getByRole("region", { name: "Adverse-event log" });
    await expectScrollNoteWhenWider(log);
    const firstRow = log.getByRole("row").nth(1);
    await scrollPageTo(page, firstRow);
    await expect(firstRow.getByRole("cell").last()).toBeInViewport({ ratio: 0.9 });
    await page.screenshot({ path: "test-results/screens/lists-adverse-events-820.png" });
  });

  test("a lot page lists the devices on hand first, a page at a time", async ({ page }) => {
    await page.setViewportSize(TABLET);
    await signIn(page, "admin@example.com");
    // A delivery large enough to page (the seed's lots are small): 30 devices of the 56 mg kit, expiring late so
    // that no other spec takes its devices first.
    const [{ siteId, adminId }] = await sql<{ siteId: string; adminId: string }>(
      `SELECT (SELECT id FROM "Site" WHERE code = 'OUT-A') AS "siteId", (SELECT id FROM "User" WHERE email = 'admin@example.com') AS "adminId"`,
    );
    const lotNumber = `PAGE${Date.now().toString(36).toUpperCase()}`;
    const received = await page.request.post("/api/inventory/lots", {
      data: { siteId, ndc: "50458-028-02", lotNumber, expiresOn: "2031-06-30", deviceCount: 30, supplier: "Paging test", receivedById: adminId },
    });
    expect(received.status(), await received.text()).toBe(201);
    const [lot] = await sql<{ id: string; lotNumber: string; devices: number; onHand: number }>(
      `SELECT l.id, l."lotNumber", count(*)::int AS devices,
      count(*) FILTER (WHERE d.status = 'ON_HAND')::int AS "onHand" FROM "InventoryLot" l JOIN "Device" d ON d."lotId" = l.id WHERE l."lotNumber" = $1 GROUP BY l.id`,
      [lotNumber],
    );
    expect(lot.devices).toBe(30);
    await page.goto(`/inventory/lots/${lot.id}`);
    const table = page.getByRole("table", { name: `Devices of lot ${lot.lotNumber}` });
    await expect(table.getByRole("row")).toHaveCount(26);
    await expect(page.getByText(`Showing 1–25 of ${lot.devices} devices`)).toBeVisible();
    const statuses = await table.getByRole("row").evaluateAll((trs) => trs.slice(1).map((tr) => (tr.children[1] as HTMLElement).innerText.trim()));
    const firstOther = statuses.findIndex((s) => s !== "On hand");
    expect(statuses.slice(0, Math.min(lot.onHand, 25)).every((s) => s === "On hand")).toBe(true);
    if (firstOther >= 0) expect(statuses.slice(firstOther).every((s) => s !== "On hand")).toBe(true);
    await scrollPageTo(page, table);
    await page.screenshot({ path: "test-results/screens/lists-lot-820.png" });
    const pages = page.getByRole("navigation", { name: `Pages of Devices of lot ${lot.lotNumber}` });
    await pages.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(page.getByText(/^Showing 26–/)).toBeVisible();
  });
});
