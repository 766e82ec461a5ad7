import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("CSV cells", () => {
  it("neutralises text that a spreadsheet would run as a formula", () => {
    for (const payload of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]) expect(csvCell(payload).replace(/^"/, "")).toMatch(/^'/);
  });
  it("leaves numbers alone, including negative numbers, and ordinary text", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("Rivera")).toBe("Rivera");
  });
  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell('Suite 300, "B"')).toBe('"Suite 300, ""B"""');
    expect(csvRow(["a", null, true, 56])).toBe("a,,Yes,56\r\n");
  });
});
