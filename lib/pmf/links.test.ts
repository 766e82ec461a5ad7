import { describe, expect, it } from "vitest";
import { amendmentNotes } from "./links";

describe("amendment links on the printed form (R38)", () => {
  it("says which form an amendment corrects, when it was submitted and why", () => {
    expect(amendmentNotes({ amends: { id: "f1", submittedAt: new Date("2026-03-09T19:00:00Z"), confirmation: "PMF-1" }, amendmentReason: "Lot corrected" }))
      .toEqual(["AMENDMENT of form f1, submitted 2026-03-09 (confirmation PMF-1). Reason: Lot corrected"]);
  });
  it("says an amended original is unchanged and names its amendment", () => {
    expect(amendmentNotes({ amendedBy: { id: "f2", createdAt: new Date("2026-03-20T15:00:00Z"), status: "READY" } }))
      .toEqual(["AMENDED: this submitted form is unchanged; it is corrected by form f2 of 2026-03-20 (ready)."]);
  });
  it("says nothing on a form that is neither", () => {
    expect(amendmentNotes({ amends: null, amendedBy: null })).toEqual([]);
  });
});
