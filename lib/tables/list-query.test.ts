import { describe, expect, it } from "vitest";
import { hasNextPage, listHref, listParamsSchema, pageInfo, pageLinks, showingText } from "./list-query";

const params = listParamsSchema(["due", "submitted"] as const, { key: "due", dir: "asc" });

describe("list parameters", () => {
  it("reads a page, a whitelisted sort key and a direction", () => {
    expect(params.parse({ page: "3", sort: "submitted", dir: "desc" })).toEqual({ page: 3, sort: "submitted", dir: "desc" });
  });
  it("falls back to the default for a sort key outside the whitelist, an SQL fragment or a bad direction", () => {
    expect(params.parse({ sort: '"dueDate"; DROP TABLE x', dir: "sideways" })).toEqual({ page: 1, sort: "due", dir: "asc" });
    expect(params.parse({ sort: "patient" }).sort).toBe("due");
  });
  it("falls back to page 1 for a page that is not a positive whole number or absurdly deep", () => {
    for (const page of ["0", "-2", "1.5", "abc", "", "99999999"]) expect(params.parse({ page }).page).toBe(1);
    expect(params.parse({}).page).toBe(1);
  });
});

describe("page info", () => {
  it("clamps a page past the last one of a counted list", () => {
    expect(pageInfo(60, 9, 25)).toMatchObject({ page: 3, pageCount: 3, capped: false });
  });
  it("keeps the page of a capped list and offers the next page while pages are full", () => {
    const p = pageInfo(1001, 45, 25, 1000);
    expect(p).toMatchObject({ page: 45, pageCount: 40, capped: true });
    expect(hasNextPage(p, 25)).toBe(true);
    expect(hasNextPage(p, 7)).toBe(false);
    expect(showingText(pageInfo(1001, 1, 25, 1000), 25, "forms")).toBe("Showing 1–25 of more than 1,000 forms");
  });
  it("says what is shown, and when nothing matches", () => {
    expect(showingText(pageInfo(60, 3, 25), 10, "forms")).toBe("Showing 51–60 of 60 forms");
    expect(showingText(pageInfo(0, 1, 25), 0, "forms")).toBe("No forms match.");
  });
  it("links the first, last and two pages each side of the current one", () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(6, 20)).toEqual([1, null, 4, 5, 6, 7, 8, null, 20]);
    expect(pageLinks(2, 4)).toEqual([1, 2, 3, 4]);
  });
  it("builds links that keep the filters and replace or drop the page and sort", () => {
    expect(listHref("/reports", { status: "READY", page: "4" }, { sort: "due", dir: "desc", page: undefined })).toBe("/reports?status=READY&sort=due&dir=desc");
    expect(listHref("/reports", new URLSearchParams("page=2"), { page: 1 })).toBe("/reports?page=1");
  });
});
