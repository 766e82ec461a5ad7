import { describe, expect, it } from "vitest";
import { createUserSchema, NO_PASSWORD_HERE, updateUserSchema, userStatusSchema } from "./schema";

const valid = { firstName: "Rosa", lastName: "Diaz", email: "Rosa.Diaz@Example.com ", role: "NURSE", siteIds: ["site-a"] };
const errorsOf = (r: { success: boolean; error?: { flatten(): { fieldErrors: object } } }) =>
  r.success ? {} : (r.error!.flatten().fieldErrors as Record<string, string[]>);

describe("new user input", () => {
  it("accepts a complete user, normalising the email to lower case", () => {
    expect(createUserSchema.parse(valid)).toMatchObject({ email: "rosa.diaz@example.com", telephone: "", siteIds: ["site-a"] });
  });

  it("refuses any password: an administrator never sets one (the user chooses it with a one-time code)", () => {
    expect(errorsOf(createUserSchema.safeParse({ ...valid, password: "a-long-enough-password" })).password).toEqual([NO_PASSWORD_HERE]);
    expect(createUserSchema.safeParse(valid).success).toBe(true);
  });

  it("refuses a malformed email and says so at the field", () => {
    for (const email of ["not-an-email", "a@", "@example.com", "rosa diaz@example.com"])
      expect(errorsOf(createUserSchema.safeParse({ ...valid, email })).email).toEqual(["Enter a valid email address"]);
    expect(errorsOf(createUserSchema.safeParse({ ...valid, email: " " })).email?.[0]).toBe("Enter an email address");
  });

  it("requires at least one site, and removes a site chosen twice", () => {
    expect(errorsOf(createUserSchema.safeParse({ ...valid, siteIds: [] })).siteIds).toEqual(["Choose at least one site"]);
    expect(errorsOf(createUserSchema.safeParse({ ...valid, siteIds: undefined })).siteIds).toEqual(["Choose at least one site"]);
    expect(createUserSchema.parse({ ...valid, siteIds: ["a", "b", "a"] }).siteIds).toEqual(["a", "b"]);
  });

  it("requires a known role and both names", () => {
    const e = errorsOf(createUserSchema.safeParse({ ...valid, role: "SURGEON", firstName: "  ", lastName: "" }));
    expect(e.role).toEqual(["Choose a role"]);
    expect(e.firstName).toEqual(["Enter the first name"]);
    expect(e.lastName).toEqual(["Enter the last name"]);
  });

  it("accepts a telephone of digits and punctuation only", () => {
    expect(createUserSchema.safeParse({ ...valid, telephone: "+1 (518) 555-0100" }).success).toBe(true);
    expect(errorsOf(createUserSchema.safeParse({ ...valid, telephone: "call me" })).telephone).toEqual(["Digits, spaces and + ( ) - only"]);
  });

  it("answers every bad field of one request at once (the 422 the form and the API both see)", () => {
    const e = errorsOf(createUserSchema.safeParse({ firstName: "R", lastName: "D", email: "bad", role: "NURSE", siteIds: [] }));
    expect(Object.keys(e).sort()).toEqual(["email", "siteIds"]);
  });
});

describe("user edit input", () => {
  const edit = { ...valid, version: 3 };
  it("refuses a new password, even an empty one", () => {
    expect(errorsOf(updateUserSchema.safeParse({ ...edit, password: "a-brand-new-password" })).password).toEqual([NO_PASSWORD_HERE]);
    expect(updateUserSchema.safeParse({ ...edit, password: "" }).success).toBe(false);
    expect(updateUserSchema.safeParse(edit).success).toBe(true);
  });
  it("requires the version the form was loaded at", () => {
    expect(errorsOf(updateUserSchema.safeParse({ ...edit, version: undefined })).version).toBeDefined();
    expect(updateUserSchema.safeParse({ ...edit, version: 0 }).success).toBe(false);
  });
});

describe("disable or enable reason", () => {
  it("needs at least 3 characters after trimming", () => {
    expect(errorsOf(userStatusSchema.safeParse({ reason: "  ab  " })).reason).toEqual(["Give the reason (at least 3 characters)"]);
    expect(userStatusSchema.parse({ reason: " Left " }).reason).toBe("Left");
    expect(errorsOf(userStatusSchema.safeParse({})).reason).toEqual(["Give the reason"]);
  });
});
