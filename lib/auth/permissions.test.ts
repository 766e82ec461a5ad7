import { describe, expect, it } from "vitest";
import { can, homeFor, navigationFor, PERMISSIONS, ROLES, type Action } from "./permissions";

describe("permission table", () => {
  it("lets only psychiatrists decide GATEs, remove contraindication flags and sign sessions (R47)", () => {
    for (const action of ["gate.decide", "flag.manage", "session.sign"] as Action[]) {
      expect(can("PSYCHIATRIST", action)).toBe(true);
      expect(can("NURSE", action)).toBe(false);
      expect(can("ADMIN", action)).toBe(false);
    }
  });

  it("keeps administrators away from clinical records and clinicians away from administration", () => {
    expect(can("ADMIN", "clinical.record")).toBe(false);
    expect(can("ADMIN", "patient.read")).toBe(false);
    for (const action of ["user.manage", "site.manage", "audit.read", "reports.export", "pmf.submit", "inventory.manage"] as Action[]) {
      expect(can("ADMIN", action)).toBe(true);
      expect(can("NURSE", action)).toBe(false);
      expect(can("PSYCHIATRIST", action)).toBe(false);
    }
  });

  it("keeps REMS parameter sets and patient import with administrators, and transfers (R42) with prescribers and administrators", () => {
    for (const action of ["rems.manage", "patient.import"] as Action[]) expect(ROLES.filter((r) => can(r, action))).toEqual(["ADMIN"]);
    expect(ROLES.filter((r) => can(r, "transfer.record"))).toEqual(["PSYCHIATRIST", "ADMIN"]);
  });

  it("issue 16: nurses book chairs; prescribers and administrators manage prior authorizations, which nurses may read", () => {
    expect(ROLES.filter((r) => can(r, "appointment.book"))).toEqual(["NURSE"]);
    expect(ROLES.filter((r) => can(r, "authorization.manage"))).toEqual(["PSYCHIATRIST", "ADMIN"]);
    expect(ROLES.filter((r) => can(r, "authorization.view"))).toEqual(["NURSE", "PSYCHIATRIST", "ADMIN"]);
  });

  it("lets nurses and psychiatrists record clinical data", () => {
    expect(can("NURSE", "clinical.record")).toBe(true);
    expect(can("PSYCHIATRIST", "clinical.record")).toBe(true);
  });

  it("fails closed for an action or role that is not in the table", () => {
    expect(can("NURSE", "no.such.action" as Action)).toBe(false);
    expect(() => can("JANITOR" as never, "patient.read")).not.toThrow();
    expect(can("JANITOR" as never, "patient.read")).toBe(false);
  });

  it("names only known roles in every row", () => {
    for (const roles of Object.values(PERMISSIONS)) for (const r of roles) expect(ROLES).toContain(r);
  });

  it("derives each role's navigation from the table, so no link leads to a refusal", () => {
    expect(navigationFor("NURSE").map((n) => n.label)).toEqual(["Chair board", "Schedule", "Patients"]);
    expect(navigationFor("PSYCHIATRIST").map((n) => n.label)).toEqual(["Review", "Patients", "Authorizations"]);
    expect(navigationFor("ADMIN").map((n) => n.label)).toEqual([
      "Reports",
      "Authorizations",
      "Inventory",
      "Users",
      "Sites",
      "REMS parameters",
      "Import patients",
      "Audit log",
      "FHIR export",
      "API tokens",
    ]);
    for (const role of ROLES) for (const item of navigationFor(role)) expect(can(role, item.action)).toBe(true);
    expect(homeFor("NURSE")).toBe("/board");
    expect(homeFor("ADMIN")).toBe("/reports");
  });
});
