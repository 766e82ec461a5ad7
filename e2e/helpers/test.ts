import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page } from "@playwright/test";

// Every spec imports `test` and `expect` from here: Playwright's, with an automatic accessibility check.
// Each page a test opens (its own, and those of browsers it opens with browser.newContext()) is checked with axe
// (WCAG 2.1 A and AA) once per URL after it loads, and once more at the end of the test; any violation fails the
// test, naming the rule, its impact, the elements and the page.
export * from "@playwright/test";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export type AxeFinding = { url: string; rule: string; impact: string; help: string; targets: string[] };

/**
 * The WCAG 2.1 A/AA violations of the page as it is now. Legacy mode runs axe in the page itself: the default opens a
 * blank page in the test's browser context to merge the results and closes it, and that page, opened and closed while
 * the test goes on, broke the test's own context-wide steps (setOffline failed with "Target page, context or browser
 * has been closed" in races.spec). The app has no cross-origin frames, which is all legacy mode leaves out.
 */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).setLegacyMode().analyze();
  return result.violations.map((v) => ({
    url: page.url(),
    rule: v.id,
    impact: v.impact ?? "unknown",
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}

const isHtmlPage = (page: Page) => /^https?:/.test(page.url());

function watch(page: Page, findings: Map<string, AxeFinding>, pending: Promise<unknown>[]) {
  const checked = new Set<string>();
  const check = async () => {
    if (page.isClosed() || !isHtmlPage(page)) return;
    try {
      // A check cut short by the page navigating or its browser closing neither fails nor holds up the test.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const giveUp = new Promise<AxeFinding[]>((resolve) => (timer = setTimeout(() => resolve([]), 15_000)));
      // A page caught between a navigation's commit and its streamed <head> has no title yet: wait for it (a page
      // that never gets one is still reported by axe's document-title rule).
      await page.waitForFunction(() => document.title !== "", undefined, { timeout: 5_000 }).catch(() => undefined);
      const url = page.url();
      const found = await Promise.race([axeFindings(page), giveUp]).finally(() => clearTimeout(timer));
      // The test moved the page on (a client-side navigation) while axe ran: it saw a page between two, without its
      // <title> or half replaced. The page it moved to is checked at its next load or by the final check.
      if (page.url() !== url) return;
      for (const f of found) findings.set(`${new URL(f.url).pathname}|${f.rule}|${f.targets.join(",")}`, f);
    } catch {
      // the page navigated or closed while it was being checked: its next load (or the final check) covers it
    }
  };
  page.on("load", () => {
    const url = page.url();
    if (checked.has(url)) return;
    checked.add(url);
    pending.push(check());
  });
  return check;
}

export const test = base.extend<{ accessibility: void }>({
  accessibility: [
    async ({ page, browser }, use) => {
      const findings = new Map<string, AxeFinding>();
      const pending: Promise<unknown>[] = [];
      const finals = [watch(page, findings, pending)];
      // Pages of other browsers the test opens (a psychiatrist beside the nurse) are checked too.
      const newContext = browser.newContext.bind(browser);
      (browser as Browser).newContext = async (...args: Parameters<Browser["newContext"]>) => {
        const context = await newContext(...args);
        context.on("page", (p) => finals.push(watch(p, findings, pending)));
        return context;
      };
      try {
        await use();
        await Promise.all(pending);
        for (const final of finals) await final();
      } finally {
        (browser as Browser).newContext = newContext;
      }
      const list = [...findings.values()];
      expect(
        list,
        `accessibility (axe, WCAG 2.1 A/AA):\n${list.map((f) => `  ${f.rule} (${f.impact}) on ${f.url}: ${f.help} — ${f.targets.join(" | ")}`).join("\n")}`,
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
