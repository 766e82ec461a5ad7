import { createApiToken } from "@/lib/auth/api-tokens";
import { createApiTokenSchema } from "@/lib/auth/api-token-schema";
import { endpoint } from "@/lib/http/endpoint";

/** POST /api/admin/api-tokens: a new read-only token for the administrator's sites; the secret is in this answer only. */
export const POST = endpoint({ action: "token.manage", body: createApiTokenSchema, status: 201 }, ({ user, input }) => createApiToken(user, input));
