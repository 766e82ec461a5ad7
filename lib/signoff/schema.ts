import { z } from "zod";
import { text } from "@/lib/http/fields";

export const signSessionSchema = z.object({
  meaning: z.enum(["REVIEWED", "APPROVED_DISCHARGE"], { error: "Choose what your signature means" }),
  password: text("Enter your password").min(1, "Enter your password to sign").max(200),
});
export type SignSessionInput = z.infer<typeof signSessionSchema>;

export const AMENDABLE_ENTRIES = ["session", "vital", "device", "sedation", "dissociation", "event", "decision"] as const;

export const amendmentSchema = z.object({
  entryKind: z.enum(AMENDABLE_ENTRIES),
  entryId: text().max(64).optional(),
  correction: text().trim().min(3, "Describe the correction (at least 3 characters)").max(2000),
  reason: text().trim().min(3, "Give the reason for the amendment").max(500),
});
export type AmendmentInput = z.infer<typeof amendmentSchema>;
