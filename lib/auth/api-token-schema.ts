import { z } from "zod";
import { text } from "@/lib/http/fields";

/** What an API token may do: read the FHIR routes (nothing else exists yet; the list keeps room for more). */
export const API_TOKEN_SCOPES = ["fhir.read"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const createApiTokenSchema = z.object({
  name: text("Name the client that will use this token").trim().min(3, "Name the client (at least 3 characters)").max(80),
  siteIds: z.array(text().max(64), { error: "Choose at least one site" }).min(1, "Choose at least one site").max(50),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ id: text("Choose the token").min(1, "Choose the token").max(64) });
