// What an administrator may enter for a staff account. Isomorphic: the form's zodResolver and the
// route handler's parseBody use these same schemas, so the browser and the server give the same messages.
import { z } from "zod";
import { text } from "@/lib/http/fields";

export const ROLE_LABELS = { NURSE: "Nurse", PSYCHIATRIST: "Psychiatrist", ADMIN: "Administrator" } as const;

const phone = text()
  .trim()
  .max(40, "At most 40 characters")
  .regex(/^[+()\d\s.-]*$/, "Digits, spaces and + ( ) - only");

const profile = {
  firstName: text("Enter the first name").trim().min(1, "Enter the first name").max(80, "At most 80 characters"),
  lastName: text("Enter the last name").trim().min(1, "Enter the last name").max(80, "At most 80 characters"),
  email: text("Enter an email address")
    .trim()
    .toLowerCase()
    .min(1, "Enter an email address")
    .max(254, "At most 254 characters")
    .email("Enter a valid email address"),
  role: z.enum(["NURSE", "PSYCHIATRIST", "ADMIN"], { message: "Choose a role" }),
  telephone: phone.optional().default(""),
  siteIds: z
    .array(text().min(1), { message: "Choose at least one site" })
    .min(1, "Choose at least one site")
    .transform((ids) => [...new Set(ids)]),
};

// No password field: nobody sets another person's password. A new account gets a one-time code with
// which its owner chooses one (lib/auth/password-reset.ts). A request that still sends one is refused.
export const NO_PASSWORD_HERE = "Administrators do not set passwords: issue a one-time code instead";
const noPassword = { password: z.never({ message: NO_PASSWORD_HERE }).optional() };
export const createUserSchema = z.object({ ...profile, ...noPassword });
export type CreateUserInput = z.input<typeof createUserSchema>;
export type CreateUser = z.output<typeof createUserSchema>;

/** Editing sends the version the form was loaded at. */
export const updateUserSchema = z.object({
  ...profile,
  ...noPassword,
  version: z.number({ message: "Reload the page and try again" }).int().positive(),
});
export type UpdateUserInput = z.input<typeof updateUserSchema>;
export type UpdateUser = z.output<typeof updateUserSchema>;

/** Disabling or re-enabling an account always carries a reason for the audit trail. */
export const userStatusSchema = z.object({
  reason: text("Give the reason").trim().min(3, "Give the reason (at least 3 characters)").max(500, "At most 500 characters"),
});
export type UserStatusInput = z.input<typeof userStatusSchema>;
