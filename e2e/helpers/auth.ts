import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo-pass-2026";

/** Signs in through the real sign-in form, like a person, and waits to land on a page of the app. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
