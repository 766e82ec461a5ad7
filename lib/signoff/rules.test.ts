import { describe, expect, it } from "vitest";
import { mayAmend, signatureState, signOffProblems } from "./rules";

describe("sign-off rules", () => {
  it("signs only a closed session, once", () => {
    expect(signOffProblems("DISCHARGED", false, "REVIEWED")).toEqual([]);
    expect(signOffProblems("DISCHARGED", false, "APPROVED_DISCHARGE")).toEqual([]);
    expect(signOffProblems("EMERGENCY_TRANSFER", false, "REVIEWED")).toEqual([]);
    expect(signOffProblems("MONITORING", false, "REVIEWED")).toEqual(["Only a discharged or transferred session can be signed: monitoring is still open."]);
    expect(signOffProblems("DISCHARGED", true, "REVIEWED")).toEqual(["This session is already signed."]);
  });
  it("waits for every adverse event of the session to be resolved", () => {
    expect(signOffProblems("EMERGENCY_TRANSFER", false, "REVIEWED", 1)).toEqual(["An adverse event is still open: record how it ended before signing."]);
    expect(signOffProblems("DISCHARGED", false, "REVIEWED", 0)).toEqual([]);
  });
  it("has no discharge decision to approve after an emergency transfer", () => {
    expect(signOffProblems("EMERGENCY_TRANSFER", false, "APPROVED_DISCHARGE")).toHaveLength(1);
  });
  it("amends only closed sessions", () => {
    expect(mayAmend("DISCHARGED")).toBe(true);
    expect(mayAmend("MONITORING")).toBe(false);
  });
  it("tells a valid signature from changed content", () => {
    expect(signatureState("abc", "abc")).toBe("valid");
    expect(signatureState("abc", "abd")).toBe("changed");
  });
});
