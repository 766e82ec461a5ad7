import { describe, expect, it } from "vitest";
import { cssrsPositive, cssrsProblems } from "./cssrs";
import { outcomeSchema } from "./schema";
import { isRemission, isResponse, phq9Item9Flag, phq9Severity, scoreProblems, total } from "./rules";

describe("outcome scoring", () => {
  it("totals PHQ-9 (9 items, 0–3) and MADRS (10 items, 0–6) from the items", () => {
    expect(total("PHQ9", [3, 3, 3, 3, 3, 3, 3, 3, 3])).toBe(27);
    expect(total("MADRS", [6, 6, 6, 6, 6, 6, 6, 6, 6, 6])).toBe(60);
    expect(scoreProblems("PHQ9", [1, 1, 1])).toContain("9 items");
    expect(scoreProblems("PHQ9", [4, 0, 0, 0, 0, 0, 0, 0, 0])).toBe("Each item is scored 0–3.");
    expect(() => total("MADRS", [7, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow("0–6");
  });

  it("flags PHQ-9 item 9 above 0 whatever the total", () => {
    expect(phq9Item9Flag([0, 0, 0, 0, 0, 0, 0, 0, 1])).toBe(true);
    expect(phq9Item9Flag([3, 3, 3, 3, 3, 3, 3, 3, 0])).toBe(false);
  });

  it("bands PHQ-9 severity at 4/5, 9/10, 14/15, 19/20", () => {
    expect([4, 5, 9, 10, 14, 15, 19, 20].map(phq9Severity)).toEqual([
      "minimal",
      "mild",
      "mild",
      "moderate",
      "moderate",
      "moderately severe",
      "moderately severe",
      "severe",
    ]);
  });

  it("calls a fall of exactly 50 % a response, and less not", () => {
    expect(isResponse(20, 10)).toBe(true);
    expect(isResponse(20, 11)).toBe(false);
    expect(isResponse(0, 0)).toBe(false);
  });

  it("calls remission at PHQ-9 < 5 and MADRS ≤ 12", () => {
    expect([isRemission("PHQ9", 4), isRemission("PHQ9", 5)]).toEqual([true, false]);
    expect([isRemission("MADRS", 12), isRemission("MADRS", 13)]).toEqual([true, false]);
  });
});

describe("C-SSRS screener answers", () => {
  it("asks 3–5 only after a yes to 2, and counts any yes as a positive screen", () => {
    expect(cssrsProblems([0, 0, -1, -1, -1, 0])).toBeNull();
    expect(cssrsProblems([1, 1, 0, 0, 0, 0])).toBeNull();
    expect(cssrsProblems([1, 1, -1, 0, 0, 0])).toMatch(/ask questions 3, 4 and 5/);
    expect(cssrsProblems([0, 0, 1, -1, -1, 0])).toMatch(/skipped/);
    expect(cssrsProblems([0, 0, -1, -1, -1])).toMatch(/6 questions/);
    expect(cssrsPositive([0, 0, -1, -1, -1, 0])).toBe(false);
    expect(cssrsPositive([1, 0, -1, -1, -1, 0])).toBe(true);
  });
  it("validates a measure with the same schema the form uses: items counted and bounded, never a typed total", () => {
    expect(outcomeSchema.safeParse({ instrument: "PHQ9", items: [0, 1, 2, 3, 0, 1, 2, 3, 1] }).success).toBe(true);
    expect(outcomeSchema.safeParse({ instrument: "PHQ9", items: [0, 1, 2, 4, 0, 1, 2, 3, 1] }).success).toBe(false);
    expect(outcomeSchema.safeParse({ instrument: "MADRS", items: [6, 6, 6, 6, 6, 6, 6, 6, 6] }).success).toBe(false);
    expect(outcomeSchema.safeParse({ instrument: "CSSRS", items: [0, 0, -1, -1, -1, 0] }).success).toBe(true);
  });
});
