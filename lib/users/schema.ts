import { z } from "zod";

const base = {
  firstName: z.string({ message: "Enter the first name" }).trim().min(1, "Enter the first name").max(80),
  lastName: z.string({ message: "Enter the last name" }).trim().min(1, "Enter the last name").max(80),
  email: z.string({ message: "Enter an email address" }).trim().toLowerCase().min(1, "Enter an email address").email("Enter a valid email address").max(254),
  role: z.enum(["NURSE", "PSYCHIATRIST", "ADMIN"], { message: "Choose a role" }),
  telephone: z.string().trim().max(40).regex(/^[+()\d\s.-]*$/, "Digits, spaces and + ( ) - only").optional().default(""),
  siteIds: z.array(z.string().min(1)).min(1, "Choose at least one site"),
};
const password = z.string().min(12, "At least 12 characters").max(200, "At most 200 characters");

export const createUserSchema = z.object({ ...base, password });
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({
  ...base,
  version: z.number().int(),
  password: z.union([z.literal(""), password]).optional().default(""),
});
export type UpdateUserInput = z.input<typeof updateUserSchema>;

/** Disable or re-enable an account, always with a reason for the audit trail. */
export const userStatusSchema = z.object({
  disabled: z.boolean(),
  reason: z.string({ message: "Give the reason" }).trim().min(3, "Give the reason (at least 3 characters)").max(500),
});
export type UserStatusInput = z.input<typeof userStatusSchema>;
