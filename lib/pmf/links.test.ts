import { describe, expect, it } from "vitest";
import { amendmentNotes, pmfStatusLine } from "./links";

const NY = "America/New_York";
const LA = "America/Los_Angeles";

describe("amendment links on the printed form (R38)", () => {
  it("says which form an amendment corrects, when it was submitted and why", () => {
    expect(
      amendmentNotes({ amends: { id: "f1", submittedAt: new Date("2026-03-09T19:00:00Z"), confirmation: "PMF-1" }, amendmentReason: "Lot corrected" }, NY),
    ).toEqual(["AMENDMENT of form f1, submitted 9 Mar 2026 (confirmation PMF-1). Reason: Lot corrected"]);
  });
  it("says an amended original is unchanged and names its amendment", () => {
    expect(amendmentNotes({ amendedBy: { id: "f2", createdAt: new Date("2026-03-20T15:00:00Z"), status: "READY" } }, NY)).toEqual([
      "AMENDED: this submitted form is unchanged; it is corrected by form f2 of 20 Mar 2026 (ready).",
    ]);
  });
  it("says nothing on a form that is neither", () => {
    expect(amendmentNotes({ amends: null, amendedBy: null }, NY)).toEqual([]);
  });
  it("dates an amendment submitted at 23:30 in Los Angeles on that evening's day, not the UTC day", () => {
    expect(amendmentNotes({ amends: { id: "f1", submittedAt: new Date("2026-12-05T07:30:00Z"), confirmation: null } }, LA)[0]).toContain(
      "submitted 4 Dec 2026",
    );
  });
});

describe("the PMF page's status line", () => {
  const form = { formVersion: "2023-1", status: "SUBMITTED", dueDate: "2026-12-11", channel: "FAX", confirmation: "C-1" };
  it("shows the day a form was submitted at 23:30 in Los Angeles as that local day", () => {
    const line = pmfStatusLine({ ...form, submittedAt: new Date("2026-12-05T07:30:00Z") }, LA);
    expect(line).toBe("Form version 2023-1 · status submitted · due 11 Dec 2026 · submitted 4 Dec 2026 (fax, C-1)");
  });
  it("shows the same instant as 5 Dec in New York, where it was already the next day", () => {
    expect(pmfStatusLine({ ...form, submittedAt: new Date("2026-12-05T07:30:00Z") }, NY)).toContain("submitted 5 Dec 2026");
  });
  it("leaves out the submission on a form not yet submitted", () => {
    expect(pmfStatusLine({ ...form, status: "DRAFT", submittedAt: null, channel: null, confirmation: null }, NY)).toBe(
      "Form version 2023-1 · status draft · due 11 Dec 2026",
    );
  });
});
