import { axeFindings, expect, test } from "./helpers/test";

// The accessibility check every spec runs (helpers/test.ts) must be able to fail: it finds known violations,
// and finds none on a page without them.
test("the axe check reports an image without text and an unlabelled field, and nothing on a clean page", async ({ page }) => {
  await page.setContent(`<html lang="en"><head><title>Broken</title></head><body><main><h1>Broken</h1>
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>`);
  const rules = (await axeFindings(page)).map((f) => f.rule);
  expect(rules).toEqual(expect.arrayContaining(["image-alt", "label"]));

  await page.setContent(`<html lang="en"><head><title>Clean</title></head><body><main><h1>Clean</h1>
    <img alt="A dot" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><label>Name <input type="text"></label></main></body></html>`);
  expect(await axeFindings(page)).toEqual([]);
});
