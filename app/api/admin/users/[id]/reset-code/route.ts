import { issueResetCode } from "@/lib/auth/password-reset";
import { endpoint } from "@/lib/http/endpoint";

/**
 * POST: a one-time code with which the user chooses a new password (shown once, 24 h, audited without
 * the code). Administrators never set a password themselves.
 */
export const POST = endpoint({ action: "user.manage", record: { type: "User" }, status: 201 }, ({ user, params: { id } }) => issueResetCode(user, id));
