import { describe, expect, it } from "vitest";
import { isCommonPassword, passwordProblems } from "./password-policy";

const owner = { email: "rosa.diaz@clinic.example", firstName: "Rosa", lastName: "Diaz" };
const codes = (pw: string) => passwordProblems(pw, owner).map((p) => p.code);

describe("password policy", () => {
  it("accepts a long passphrase that is not common and not personal", () => {
    expect(passwordProblems("violet-harbor-lantern-7", owner)).toEqual([]);
  });

  it("refuses 11 characters and accepts 12", () => {
    expect(codes("xk3-vq9-mw2")).toEqual(["TOO_SHORT"]);
    expect(codes("xk3-vq9-mw2p")).toEqual([]);
  });

  it("refuses more than 200 characters", () => {
    expect(codes("xk3-vq9-mw2p".repeat(17))).toEqual(["TOO_LONG"]);
  });

  it("refuses a common password from the shipped list, in any case", () => {
    expect(codes("qwertyuiop123")).toContain("COMMON");
    expect(codes("1Q2W3E4R5T6Y")).toContain("COMMON");
  });

  it("refuses a common word dressed up with digits and symbols at the ends, or repeated", () => {
    expect(isCommonPassword("Password2026!!")).toBe(true);
    expect(isCommonPassword("2026!!sunshine")).toBe(true);
    expect(isCommonPassword("dragondragondragon")).toBe(true);
    expect(isCommonPassword("abcabcabcabc")).toBe(true);
    expect(isCommonPassword("violet-harbor-lantern")).toBe(false);
  });

  it("refuses the person's first or last name, email or its parts", () => {
    expect(codes("my-name-is-ROSA-2026")).toEqual(["PERSONAL"]);
    expect(codes("violet-diaz-lantern")).toEqual(["PERSONAL"]);
    expect(codes("rosa.diaz@clinic.example")).toContain("PERSONAL");
    expect(codes("clinic-violet-lantern")).toEqual(["PERSONAL"]);
  });

  it("ignores name parts shorter than three characters", () => {
    expect(passwordProblems("violet-harbor-lantern-7", { email: "al@x.io", firstName: "Al", lastName: "Li" })).toEqual([]);
  });
});
