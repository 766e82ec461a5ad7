import { signIn } from "./helpers/auth";
import { expect, test } from "./helpers/test";

// The app's frame on the tablet: a skip link, visible focus, the not-found page with the menu, and touch targets.
test.use({ viewport: { width: 820, height: 1180 } });

test("the first Tab reaches a visible skip link, which moves focus into the page's main content", async ({ page }) => {
  await signIn(page, "nurse@example.com");
  await page.goto("/patients");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  // focus is visible: an outline at least 2 px wide
  expect(await skip.evaluate((el) => parseFloat(getComputedStyle(el).outlineWidth))).toBeGreaterThanOrEqual(2);
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
});

test("an unknown session or patient shows 'Not found' inside the app, with its menu and a way home", async ({ page }) => {
  await signIn(page, "nurse@example.com");
  for (const url of ["/sessions/no-such-session", "/patients/no-such-patient"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Board" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to your home page" })).toBeVisible();
  }
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to your home page" }).click();
  await expect(page).toHaveURL(/\/board$/);
});

test("buttons, fields and menu links on the patient page and the board are at least 44 × 44 px at tablet size", async ({ page }) => {
  await signIn(page, "nurse@example.com");
  await page.goto("/patients");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/patients\/[a-z0-9]+$/);
  for (const url of [page.url(), "/board"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    const small = await page.evaluate(() => {
      const targets = [
        ...document.querySelectorAll<HTMLElement>(
          "main button, main select, main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), main textarea, nav a, main summary, main a[class*='rounded']",
        ),
      ];
      return targets
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
        .map(
          ({ el, r }) =>
            `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
    });
    expect(small, `${url}: targets smaller than 44 × 44 px`).toEqual([]);
  }
});
