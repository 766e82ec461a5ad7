// What an administrator may enter for a site. Isomorphic: shared by the form (zodResolver) and the
// route handler (parseBody). These bounds say what is *possible*; whether a reading is dangerous is
// decided by the session rules against the thresholds saved here.
import { z } from "zod";
import { calendarDay, number, optionalCalendarDay, REMS_START, text } from "@/lib/http/fields";

export const SETTING_LABELS = { OUTPATIENT: "Outpatient", INPATIENT: "Inpatient" } as const;
export const CERTIFICATION_LABELS = {
  PENDING: "Pending",
  ACTIVE: "Certified",
  RECERTIFICATION_REQUIRED: "Recertification required",
  SUSPENDED: "Suspended",
} as const;
export const ACQUISITION_LABELS = { PHARMACY_CHANNEL: "Pharmacy channel (dispensed to the site)", BUY_AND_BILL: "Buy and bill" } as const;

/** The IANA zones this runtime knows (Intl.supportedValuesOf), plus UTC, which some runtimes leave out. */
export function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: "timeZone") => string[] };
  const zones = intl.supportedValuesOf?.("timeZone") ?? [];
  return zones.includes("UTC") ? zones : [...zones, "UTC"];
}
// US zones first (where SPRAVATO is dispensed), then every other zone the runtime knows.
const US_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
];
export const zonesUsFirst = () => [...US_ZONES, ...timeZones().filter((z) => !US_ZONES.includes(z))];
let known: Set<string> | undefined;
export const isTimeZone = (tz: string) => (known ??= new Set(timeZones())).has(tz);

const blankToNull = (v: unknown) => (v === "" || v === null || v === undefined ? null : v);
/** A whole number: numeral text in the form's text box, a JSON number on the wire (lib/http/fields). */
const whole = (what: string, min: number, max: number) =>
  number(`Enter ${what}`).pipe(z.number().int("Whole numbers only").min(min, `At least ${min}`).max(max, `At most ${max}`));
const optionalWhole = (what: string, min: number, max: number) => z.preprocess(blankToNull, whole(what, min, max).nullable());

// Certification and representatives exist under the REMS (from 2019). "Not in the future" is the server's check,
// in the site's calendar (lib/sites/data).
const certifiedDay = optionalCalendarDay("Enter a date", { min: REMS_START });
const representativeDay = (message: string) => calendarDay(message, { min: REMS_START });
const phone = text()
  .trim()
  .max(40, "At most 40 characters")
  .regex(/^[+()\d\s.-]*$/, "Digits, spaces and + ( ) - only");

// Clinically possible thresholds (not whether they are wise): systolic 100–260, diastolic 60–160, SpO₂ 80–99 %.
const SYSTOLIC = [100, 260] as const;
const DIASTOLIC = [60, 160] as const;
const SPO2 = [80, 99] as const;

const siteFields = z.object({
  version: z.number({ message: "Reload the page and try again" }).int().positive(),
  name: text().trim().min(2, "Enter the site's name").max(120, "At most 120 characters"),
  settingType: z.enum(["OUTPATIENT", "INPATIENT"], { message: "Choose the setting type" }),
  certificationStatus: z.enum(["PENDING", "ACTIVE", "RECERTIFICATION_REQUIRED", "SUSPENDED"], { message: "Choose the certification status" }),
  certifiedAt: certifiedDay,
  remsSettingId: text().trim().max(40, "At most 40 characters").optional().default(""),
  acquisitionMethods: z
    .array(z.enum(["PHARMACY_CHANNEL", "BUY_AND_BILL"]))
    .default([])
    .transform((m) => [...new Set(m)]),
  pulseOximeterAttested: z.boolean().default(false),
  recertificationBlocksDosing: z.boolean().default(false),
  address1: text().trim().min(1, "Enter the street address").max(120, "At most 120 characters"),
  address2: text().trim().max(120, "At most 120 characters").optional().default(""),
  city: text().trim().min(1, "Enter the city").max(80, "At most 80 characters"),
  state: text()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Two-letter state code, like NY"),
  zip: text()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, "ZIP code: 5 digits, or 5+4 like 12534-1234"),
  phone: phone.optional().default(""),
  timeZone: text("Choose a time zone").trim().refine(isTimeZone, "Choose a time zone from the list"),
  postDoseAlertSystolic: whole("a systolic value", ...SYSTOLIC),
  postDoseAlertDiastolic: whole("a diastolic value", ...DIASTOLIC),
  urgentSystolic: whole("a systolic value", ...SYSTOLIC),
  urgentDiastolic: whole("a diastolic value", ...DIASTOLIC),
  spo2AlertThreshold: whole("an SpO₂ value", ...SPO2),
  preDoseCeilingSystolic: optionalWhole("a systolic value", ...SYSTOLIC),
  preDoseCeilingDiastolic: optionalWhole("a diastolic value", ...DIASTOLIC),
  idleLockMinutes: whole("minutes", 1, 60),
  // R49: an entry more than this many minutes after its clinical time is a late entry (needs a reason)
  lateEntryMinutes: z.preprocess((v) => (v === "" || v == null ? 10 : v), whole("minutes", 1, 240)),
  /** Where the 2-hour observation starts (R30). Left out by an older client: the saved value stays. */
  observationAnchor: z.enum(["FIRST_DEVICE", "LAST_DEVICE"], { message: "Choose where the observation period starts" }).optional(),
  /** Chair scheduling (issue 16): one appointment block in minutes. Left out: the saved value (default 150) stays. */
  appointmentBlockMinutes: z.preprocess((v) => (v === "" || v == null ? undefined : v), whole("minutes", 30, 480).optional()),
});

type SiteFields = z.output<typeof siteFields>;
function siteRules(v: Omit<SiteFields, "version">, ctx: z.RefinementCtx) {
  const lower = (diastolic: keyof typeof v, s: number | null, d: number | null) => {
    if (s != null && d != null && d >= s) ctx.addIssue({ code: "custom", path: [diastolic], message: "Diastolic must be lower than systolic" });
  };
  lower("postDoseAlertDiastolic", v.postDoseAlertSystolic, v.postDoseAlertDiastolic);
  lower("urgentDiastolic", v.urgentSystolic, v.urgentDiastolic);
  lower("preDoseCeilingDiastolic", v.preDoseCeilingSystolic, v.preDoseCeilingDiastolic);
  if (v.urgentSystolic < v.postDoseAlertSystolic)
    ctx.addIssue({ code: "custom", path: ["urgentSystolic"], message: `Must be at or above the alert level (${v.postDoseAlertSystolic})` });
  if (v.urgentDiastolic < v.postDoseAlertDiastolic)
    ctx.addIssue({ code: "custom", path: ["urgentDiastolic"], message: `Must be at or above the alert level (${v.postDoseAlertDiastolic})` });
  if (v.certificationStatus === "ACTIVE" && !v.certifiedAt)
    ctx.addIssue({ code: "custom", path: ["certifiedAt"], message: "A certified site needs its certification date" });
  if (v.certificationStatus === "ACTIVE" && !v.pulseOximeterAttested)
    ctx.addIssue({ code: "custom", path: ["pulseOximeterAttested"], message: "A certified site must attest to having a pulse oximeter" });
}

export const siteSchema = siteFields.superRefine(siteRules);
export type SiteInput = z.input<typeof siteSchema>;
export type SiteUpdate = z.output<typeof siteSchema>;

/** A new Authorized Representative takes over from `fromDate` (R2: the site must then re-certify). */
export const arChangeSchema = z.object({
  name: text("Enter the new representative's name").trim().min(2, "Enter the new representative's name").max(120, "At most 120 characters"),
  email: text()
    .trim()
    .toLowerCase()
    .max(254, "At most 254 characters")
    .refine((s) => s === "" || z.email().safeParse(s).success, "Enter a valid email address")
    .optional()
    .default(""),
  phone: phone.optional().default(""),
  fromDate: representativeDay("Enter the date the change takes effect"),
});
export type ArChangeInput = z.input<typeof arChangeSchema>;
export type ArChange = z.output<typeof arChangeSchema>;

const chairLabel = text("Enter the chair's name").trim().min(1, "Enter the chair's name").max(40, "At most 40 characters");
export const chairCreateSchema = z.object({ label: chairLabel });
export type ChairCreateInput = z.input<typeof chairCreateSchema>;
export const chairUpdateSchema = z.object({ label: chairLabel, active: z.boolean() });
export type ChairUpdateInput = z.input<typeof chairUpdateSchema>;

export const ANCHOR_LABELS = {
  FIRST_DEVICE: "From the first device (T0)",
  LAST_DEVICE: "From the last device",
} as const;

/**
 * A new site: every setting of the site form, plus its code, observation anchor, first authorized
 * representative (R2; required for a certified site, R1) and its chairs.
 */
export const siteCreateSchema = siteFields
  .omit({ version: true })
  .extend({
    code: text("Enter a short code")
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, "2–20 letters, digits or -, like HUD-01"),
    observationAnchor: z.enum(["FIRST_DEVICE", "LAST_DEVICE"], { message: "Choose where the observation period starts" }).default("FIRST_DEVICE"),
    arName: text().trim().max(120, "At most 120 characters").optional().default(""),
    arEmail: text()
      .trim()
      .toLowerCase()
      .max(254, "At most 254 characters")
      .refine((s) => s === "" || z.email().safeParse(s).success, "Enter a valid email address")
      .optional()
      .default(""),
    arPhone: phone.optional().default(""),
    arFromDate: optionalCalendarDay("Enter a date", { min: REMS_START }),
    chairs: z
      .array(z.object({ label: chairLabel }), { message: "Add at least one chair" })
      .min(1, "Add at least one chair")
      .max(50, "At most 50 chairs"),
  })
  .superRefine((v, ctx) => {
    siteRules(v, ctx);
    if (v.arName && v.arName.length < 2) ctx.addIssue({ code: "custom", path: ["arName"], message: "Enter the representative's full name" });
    if (!v.arName && v.certificationStatus === "ACTIVE")
      ctx.addIssue({ code: "custom", path: ["arName"], message: "A certified site needs its authorized representative" });
    if (v.arName && !v.arFromDate) ctx.addIssue({ code: "custom", path: ["arFromDate"], message: "Enter the date the representative took over" });
    const seen = new Set<string>();
    v.chairs.forEach((c, i) => {
      const key = c.label.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["chairs", i, "label"], message: "Two chairs cannot have the same name" });
      seen.add(key);
    });
  });
export type SiteCreateInput = z.input<typeof siteCreateSchema>;
export type SiteCreate = z.output<typeof siteCreateSchema>;

/** Deactivate (false) or reactivate (true) a site. */
export const siteStatusSchema = z.object({ active: z.boolean({ message: "Say whether the site is active" }) });
export type SiteStatusInput = z.input<typeof siteStatusSchema>;
