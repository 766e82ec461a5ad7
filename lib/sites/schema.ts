import { z } from "zod";

const int = (label: string, min: number, max: number) =>
  z.coerce.number({ message: `Enter ${label}` }).int("Whole numbers only").min(min, `At least ${min}`).max(max, `At most ${max}`);
const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), int(label, min, max).nullable());
const isTimeZone = (tz: string) => { try { new Intl.DateTimeFormat("en-US", { timeZone: tz }); return true; } catch { return false; } };

export const siteSchema = z
  .object({
    version: z.number().int(),
    name: z.string().trim().min(2, "Enter the site's name").max(120),
    settingType: z.enum(["OUTPATIENT", "INPATIENT"], { message: "Choose the setting type" }),
    certificationStatus: z.enum(["PENDING", "ACTIVE", "RECERTIFICATION_REQUIRED", "SUSPENDED"], { message: "Choose the certification status" }),
    certifiedAt: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, "Use a date").optional().default(""),
    remsSettingId: z.string().trim().max(40).optional().default(""),
    acquisitionMethods: z.array(z.enum(["PHARMACY_CHANNEL", "BUY_AND_BILL"])).default([]),
    pulseOximeterAttested: z.boolean().default(false),
    address1: z.string().trim().min(1, "Enter the street address").max(120),
    address2: z.string().trim().max(120).optional().default(""),
    city: z.string().trim().min(1, "Enter the city").max(80),
    state: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Two-letter state code"),
    zip: z.string().trim().regex(/^\d{5}(-\d{4})?$/, "ZIP code: 5 digits or 5+4"),
    phone: z.string().trim().max(40).regex(/^[+()\d\s.-]*$/, "Digits, spaces and + ( ) - only").optional().default(""),
    timeZone: z.string().trim().refine(isTimeZone, "Choose a time zone from the list"),
    postDoseAlertSystolic: int("a systolic value", 100, 260),
    postDoseAlertDiastolic: int("a diastolic value", 60, 160),
    urgentSystolic: int("a systolic value", 100, 260),
    urgentDiastolic: int("a diastolic value", 60, 160),
    spo2AlertThreshold: int("an SpO₂ value", 80, 99),
    preDoseCeilingSystolic: optionalInt("a systolic value", 100, 260),
    preDoseCeilingDiastolic: optionalInt("a diastolic value", 60, 160),
    idleLockMinutes: int("minutes", 1, 60),
  })
  .superRefine((v, ctx) => {
    const pair = (diastolicField: string, sv: number | null, dv: number | null) => {
      if (sv != null && dv != null && dv >= sv) ctx.addIssue({ code: "custom", path: [diastolicField], message: "Diastolic must be lower than systolic" });
    };
    pair("postDoseAlertDiastolic", v.postDoseAlertSystolic, v.postDoseAlertDiastolic);
    pair("urgentDiastolic", v.urgentSystolic, v.urgentDiastolic);
    pair("preDoseCeilingDiastolic", v.preDoseCeilingSystolic, v.preDoseCeilingDiastolic);
    if (v.urgentSystolic < v.postDoseAlertSystolic) ctx.addIssue({ code: "custom", path: ["urgentSystolic"], message: "The urgent level must be at or above the alert level" });
    if (v.urgentDiastolic < v.postDoseAlertDiastolic) ctx.addIssue({ code: "custom", path: ["urgentDiastolic"], message: "The urgent level must be at or above the alert level" });
    if (v.certificationStatus === "ACTIVE" && !v.certifiedAt) ctx.addIssue({ code: "custom", path: ["certifiedAt"], message: "An active certification needs its date" });
  });
export type SiteInput = z.input<typeof siteSchema>;

export const arChangeSchema = z.object({
  name: z.string().trim().min(3, "Enter the new representative's name").max(120),
  email: z.union([z.literal(""), z.string().trim().email("Enter a valid email address")]).default(""),
  phone: z.string().trim().max(40).regex(/^[+()\d\s.-]*$/, "Digits, spaces and + ( ) - only").optional().default(""),
  fromDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date the change takes effect"),
});
export type ArChangeInput = z.input<typeof arChangeSchema>;
