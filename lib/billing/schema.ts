import { z } from "zod";
import { calendarDay, dayInYears, optionalCalendarDay, optionalWholeNumber, REMS_START, text } from "@/lib/http/fields";

export const PAYER_TYPES = ["MEDICARE", "MEDICAID", "COMMERCIAL", "SELF_PAY", "OTHER"] as const;

/** A new row of the billing-code table (the administrator's form and POST /api/admin/billing-codes). */
export const billingCodeSchema = z
  .object({
    code: text("Enter the code")
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{4,7}$/, "Enter the code as letters and digits, e.g. G2082 or J0013"),
    description: text("Enter what the code is for").trim().min(3, "Enter what the code is for").max(200, "At most 200 characters"),
    kind: z.enum(["SERVICE", "DRUG"], { message: "Choose a service or a drug line" }),
    payerTypes: z.array(z.enum(PAYER_TYPES), { message: "Choose the payer types" }).min(1, "Choose at least one payer type"),
    minDoseMg: optionalWholeNumber("the lowest dose (mg)", 28, 112),
    maxDoseMg: optionalWholeNumber("the highest dose (mg)", 28, 112),
    unitMg: optionalWholeNumber("the milligrams per unit", 1, 112),
    effectiveFrom: calendarDay("Enter the first day in force", { min: REMS_START, max: () => dayInYears(5) }),
    effectiveTo: optionalCalendarDay("Enter the last day in force, or leave it empty", { min: REMS_START, max: () => dayInYears(10) }),
    // Typed as a comma-separated list; the form submits what the resolver parsed (an array), so both are read.
    notWith: z
      .preprocess((v) => (Array.isArray(v) ? v.join(",") : v), text().trim().max(200, "At most 200 characters").optional().default(""))
      .transform((s) =>
        s
          .split(/[\s,;]+/)
          .map((c) => c.toUpperCase())
          .filter(Boolean),
      )
      .refine((codes) => codes.every((c) => /^[A-Z0-9]{4,7}$/.test(c)), "List codes separated by commas, e.g. 99415, 99416"),
    note: text().trim().max(500, "At most 500 characters").optional().default(""),
  })
  .refine((c) => c.minDoseMg === undefined || c.maxDoseMg === undefined || c.minDoseMg <= c.maxDoseMg, {
    path: ["maxDoseMg"],
    message: "The highest dose is below the lowest",
  })
  .refine((c) => !c.effectiveTo || c.effectiveTo >= c.effectiveFrom, { path: ["effectiveTo"], message: "The last day is before the first day" })
  .refine((c) => c.kind !== "DRUG" || c.unitMg !== undefined, { path: ["unitMg"], message: "A drug line needs the milligrams per unit" });
export type BillingCodeInput = z.input<typeof billingCodeSchema>;

/** Ends a row of the table: the last day it is in force (a change is a new row, never an edit). */
export const endBillingCodeSchema = z.object({
  effectiveTo: calendarDay("Enter the last day in force", { min: REMS_START, max: () => dayInYears(10) }),
  reason: text("Give the reason").trim().min(3, "Give the reason (at least 3 characters)").max(500, "At most 500 characters"),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The billing export's selection (query string): a site (else all the user's sites) and a range of dates of service. */
export const billingExportQuerySchema = z
  .object({ site: z.string().min(1).max(60).optional(), from: day, to: day })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "The end date is before the start date" });
export type BillingExportQuery = z.infer<typeof billingExportQuerySchema>;
