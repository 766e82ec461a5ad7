import { describe, expect, it } from "vitest";
import { plainWords, ruleCodes } from "./plain-words";

describe("plain words for people, rule codes for tooltips", () => {
  it("drops a rule code in brackets, a list of them, and a leading code", () => {
    expect(plainWords("Values are derived from the session record (R39).")).toBe("Values are derived from the session record.");
    expect(plainWords("Marking a PMF submitted (R38, R40) needs a date")).toBe("Marking a PMF submitted needs a date");
    expect(plainWords("R35: vital signs not acceptable before completion")).toBe("vital signs not acceptable before completion");
  });
  it("leaves text without codes, and numbers that are not codes, as they are", () => {
    expect(plainWords("BP 152/94 at 40 min (recorded)")).toBe("BP 152/94 at 40 min (recorded)");
    expect(plainWords("Room R2 is free")).toBe("Room R2 is free");
  });
  it("lists the codes for the tooltip, once each", () => {
    expect(ruleCodes("(R38, R40) and again R38")).toBe("R38, R40");
    expect(ruleCodes("no code")).toBe("");
  });
});
