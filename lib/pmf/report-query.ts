import { z } from "zod";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date (YYYY-MM-DD)");

/** The selection of a batch PMF export (query string of the CSV and PDF routes and the reports form). */
export const pmfExportQuerySchema = z
  .object({ siteId: z.string().min(1, "Choose a site"), from: date, to: date, status: z.enum(["DRAFT", "READY", "SUBMITTED"]).optional() })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "The end date is before the start date" });
