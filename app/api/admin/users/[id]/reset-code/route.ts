import { issueResetCode } from "@/lib/auth/password-reset";
import { command } from "@/lib/http/command";

/**
 * POST: a one-time code with which the user chooses a new password (shown once, 24 h, audited without
 * the code). Administrators never set a password themselves.
 */
export const POST = command({ action: "user.manage", record: { type: "User" }, status: 201 }, ({ user, params: { id } }) => issueResetCode(user, id));
