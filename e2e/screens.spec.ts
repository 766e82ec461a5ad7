import { expect, test, type Page } from "./helpers/test";
import { can, type Role } from "@/lib/auth/permissions";
import { PAGE_PERMISSIONS, type Access } from "@/lib/auth/route-permissions";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

// Every screen in lib/auth/route-permissions.ts (which a unit test keeps in step with app/**/page.tsx), opened by
// the first role allowed to use it (nurse, then psychiatrist, then administrator), at tablet (820 × 1180) and
// desktop (1280 × 900) size: it renders a heading, not the error page, and nothing but a table's own scroller is
// wider than the tablet. Screenshots go to test-results; `npm run screens` writes them to docs/screens.

const SIZES = { tablet: { width: 820, height: 1180 }, desktop: { width: 1280, height: 900 } } as const;
const OUT = process.env.SCREENS_DIR;
const USERS: Record<Role, string> = { NURSE: "nurse@example.com", PSYCHIATRIST: "psych@example.com", ADMIN: "admin@example.com" };
const ORDER: Role[] = ["NURSE", "PSYCHIATRIST", "ADMIN"];
const NAMES: Record<Role, string> = { NURSE: "nurse", PSYCHIATRIST: "psychiatrist", ADMIN: "administrator" };

const whoSees = (access: Access): Role | null =>
  access.kind === "signed-in" ? "NURSE" : access.kind === "role" ? (ORDER.find((r) => can(r, access.action)) ?? null) : null;

async function riversideIds(): Promise<Record<string, string>> {
  const one = async (q: string) => (await sql<{ id: string }>(q))[0]?.id ?? "none";
  const site = `(SELECT id FROM "Site" WHERE code = 'OUT-A')`;
  return {
    Site: await one(`SELECT id FROM ${site} AS id`),
    // the richest records: a patient with a course, a session under observation, a closed one with a PMF
    Patient: await one(
      `SELECT p.id FROM "Patient" p WHERE p."siteId" = ${site} ORDER BY (SELECT count(*) FROM "TreatmentSession" s WHERE s."patientId" = p.id) DESC, p.id LIMIT 1`,
    ),
    TreatmentSession: await one(`SELECT id FROM "TreatmentSession" WHERE "siteId" = ${site} ORDER BY (status = 'MONITORING') DESC, id LIMIT 1`),
    PatientMonitoringForm: await one(
      `SELECT f.id FROM "PatientMonitoringForm" f JOIN "TreatmentSession" s ON s.id = f."sessionId" WHERE s."siteId" = ${site} ORDER BY f.id LIMIT 1`,
    ),
    InventoryLot: await one(`SELECT id FROM "InventoryLot" WHERE "siteId" = ${site} ORDER BY "receivedAt" LIMIT 1`),
    User: await one(`SELECT id FROM "User" WHERE email = 'nurse2@example.com'`),
  };
}

function urlFor(path: string, access: Access, ids: Record<string, string>): string {
  const scope = access.kind === "role" ? access.scope : undefined;
  const record = scope && "param" in scope ? scope.record : path.startsWith("/patients/") ? "Patient" : "TreatmentSession";
  const url = path.replace(/\[id\]/g, () => ids[record]);
  if (!scope || !("query" in scope)) return url;
  return `${url}?${scope.query}=${scope.record === "Site" ? ids.Site : ids.Patient}`;
}

const fileName = (path: string) =>
  path === "/"
    ? "home"
    : path
        .slice(1)
        .replace(/\[id\]/g, "id")
        .replace(/\//g, "-");

async function shoot(page: Page, path: string) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await expect(page.locator("h1").first(), `${path} has a heading`).toBeVisible();
    await expect(page.getByText("This page could not be shown"), `${path} is not the error page`).toHaveCount(0);
    if (size === "tablet") {
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(wide, `${path} fits the tablet's width (tables scroll inside their own box)`).toBeLessThanOrEqual(820);
    }
    await page.screenshot({ path: `${OUT ?? test.info().outputPath()}/${fileName(path)}-${size}.png`, fullPage: true });
  }
}

for (const role of ORDER) {
  test(`every screen a${role === "ADMIN" ? "n" : ""} ${NAMES[role]} uses renders at tablet and desktop size`, async ({ page }) => {
    test.setTimeout(240_000);
    const ids = await riversideIds();
    await signIn(page, USERS[role]);
    const mine = Object.entries(PAGE_PERMISSIONS).filter(([, access]) => whoSees(access) === role);
    expect(mine.length).toBeGreaterThan(0);
    for (const [path, access] of mine) {
      const res = await page.goto(urlFor(path, access, ids));
      expect(res?.status(), path).toBeLessThan(400);
      await page.waitForLoadState("networkidle");
      await shoot(page, path);
    }
  });
}

test("the signed-out screens render at tablet and desktop size", async ({ page }) => {
  for (const [path] of Object.entries(PAGE_PERMISSIONS).filter(([, a]) => a.kind === "public")) {
    await page.goto(path);
    await shoot(page, path);
  }
});
