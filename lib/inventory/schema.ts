// What an administrator may enter for controlled-substance stock (R43–R44). Isomorphic: the forms'
// zodResolver and the route handlers' parseBody use these same schemas.
import { z } from "zod";
import { calendarDay, dayInYears, number, optionalInstant, REMS_START, text } from "@/lib/http/fields";
import { KITS, NDCS } from "./rules";

/** A day of the dispensing log's period: a real calendar day (the period may start before the stock did). */
const date = (message: string) => calendarDay(message);
const id = (message: string) => text(message).trim().min(1, message).max(60, message);
const textField = (message: string, max: number) => text(message).trim().min(1, message).max(max, `At most ${max} characters`);
/** A whole number typed in a form: an empty field is missing, never zero; on the wire only a JSON number. */
const count = (message: string) => number(message).pipe(z.number().int("Enter a whole number"));
/** An instant with its offset; omitted means "now" by the server's clock. Never in the future, never before the REMS began. */
const pastInstant = optionalInstant({ message: "Enter a valid date and time" });

export const receiveLotSchema = z
  .object({
    siteId: id("Choose the site"),
    ndc: z.enum(NDCS, { message: "Choose the kit" }),
    lotNumber: text("Enter the lot number")
      .trim()
      .toUpperCase()
      .min(1, "Enter the lot number")
      .max(30, "At most 30 characters")
      .regex(/^[A-Z0-9][A-Z0-9-]*$/, "Letters, digits and - only, as printed on the carton"),
    expiresOn: calendarDay("Enter the expiry date", {
      min: REMS_START,
      max: () => dayInYears(5),
      tooEarly: "Check the expiry date: it is before SPRAVATO was approved",
      tooLate: "Check the expiry date: more than 5 years ahead",
    }),
    deviceCount: count("Enter the number of devices").pipe(z.number().min(1, "At least 1 device").max(600, "At most 600 devices in one delivery")),
    supplier: textField("Enter the supplier", 120),
    receivedById: id("Choose who received the delivery"),
    receivedAt: pastInstant,
  })
  .refine((v) => !(v.ndc in KITS) || v.deviceCount % KITS[v.ndc].devices === 0, {
    path: ["deviceCount"],
    message: "Enter whole kits: a multiple of the devices per kit (2 for the 56 mg kit, 3 for the 84 mg kit)",
  });
export type ReceiveLotInput = z.input<typeof receiveLotSchema>;
export type ReceiveLot = z.output<typeof receiveLotSchema>;

/** R43: a witnessed waste of one on-hand device. The witness confirms with their own password. */
export const wasteDeviceSchema = z.object({
  deviceId: id("Choose the device"),
  reason: textField("Give the reason (for example: dropped, damaged, expired)", 300),
  witnessId: id("Choose the witness"),
  witnessPassword: text("The witness enters their password").min(1, "The witness enters their password").max(200),
});
export type WasteDeviceInput = z.input<typeof wasteDeviceSchema>;
export type WasteDevice = z.output<typeof wasteDeviceSchema>;

/** R43: one on-hand device returned (to the supplier or a reverse distributor). */
export const returnDeviceSchema = z.object({
  deviceId: id("Choose the device"),
  returnedTo: textField("Enter who the device goes back to", 120),
  reason: textField("Give the reason (for example: expired, recall)", 300),
});
export type ReturnDeviceInput = z.input<typeof returnDeviceSchema>;
export type ReturnDevice = z.output<typeof returnDeviceSchema>;

/** A physical count of a lot; the expected stock is computed by the server at the moment of saving. */
export const physicalCountSchema = z.object({
  countedDevices: count("Enter the number of devices counted").pipe(z.number().min(0, "Cannot be negative").max(10_000, "Too many")),
  note: text().trim().max(500, "At most 500 characters").optional().default(""),
});
export type PhysicalCountInput = z.input<typeof physicalCountSchema>;
export type PhysicalCount = z.output<typeof physicalCountSchema>;

/** The dispensing log's selection (query string of the page and the CSV route). */
export const dispensingLogQuerySchema = z
  .object({ siteId: id("Choose a site"), from: date("Use a date (YYYY-MM-DD)"), to: date("Use a date (YYYY-MM-DD)") })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "The end date is before the start date" });
export type DispensingLogQuery = z.output<typeof dispensingLogQuerySchema>;
