import { z } from "zod";
import { formatTime, viewerZone } from "@/lib/time/format";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address").email("Enter a valid email address").max(254),
  password: z.string().min(1, "Enter your password").max(200, "Password is too long"),
  // The second step, for accounts with two-step sign-in: a code from the authenticator app or a recovery code.
  otp: z.string().trim().max(20, "Enter the 6-digit code").optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** Only same-origin paths may be returned to after signing in (no open redirect). */
export function safeCallbackPath(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let path = raw;
  try {
    if (/^https?:\/\//i.test(raw)) {
      const u = new URL(raw);
      path = u.pathname + u.search;
    }
  } catch {
    return null;
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/sign-in") || path.startsWith("/api/")) return null;
  return path;
}

/** The sign-in form's cue to ask for the second step (the password was right; the code is missing). */
export const SECOND_FACTOR_NEEDED = "SECOND_FACTOR_NEEDED";

// A sign-in refused by a lock travels from the server to the form as "LOCKED:<scope>:<ISO time>".
export type LockScope = "account" | "address" | "global";
export const lockedError = (scope: LockScope, until: Date) => `LOCKED:${scope}:${until.toISOString()}`;
export function parseLockedError(error: string | null | undefined): { scope: LockScope; until: Date } | null {
  const m = /^LOCKED:(account|address|global):(\d{4}-\d\d-\d\dT[\d:.]+Z)$/.exec(error ?? "");
  return m ? { scope: m[1] as LockScope, until: new Date(m[2]) } : null;
}

/** What the sign-in page says about a lock: which counter, and when it ends (in the device's clock). */
export function lockMessage(lock: { scope: LockScope; until: Date }, now: Date, timeZone?: string): string {
  const at = formatTime(lock.until, timeZone ?? viewerZone());
  const minutes = Math.max(1, Math.ceil((lock.until.getTime() - now.getTime()) / 60_000));
  const when = `at ${at} (in ${minutes} minute${minutes === 1 ? "" : "s"})`;
  if (lock.scope === "account") return `This account is locked after too many failed sign-ins. It unlocks ${when}, or an administrator can unlock it now.`;
  if (lock.scope === "address")
    return `Too many failed sign-ins from this network. Sign-in from here is paused until ${at} (in ${minutes} minute${minutes === 1 ? "" : "s"}).`;
  return `Sign-in is paused for everyone after an unusual number of failed sign-ins. Try again ${when}.`;
}

export const PASSWORD_MIN = 12;
/** A new password as typed: its length at the field; the server also checks the policy (lib/auth/password-policy.ts). */
export const newPasswordField = z
  .string({ message: "Enter a new password" })
  .min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`)
  .max(200, "At most 200 characters");

/** A one-time code as an administrator reads it out: letters and digits, dashes and spaces ignored. */
export const resetCodeField = z
  .string({ message: "Enter the code" })
  .trim()
  .toUpperCase()
  .transform((v) => v.replace(/[\s-]/g, ""))
  .pipe(z.string().min(1, "Enter the code").max(64, "This code is not valid"));

const confirmMatches = <T extends { password: string; confirm: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.password !== v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: "The two passwords are not the same" });
};

/** Signed out: the user chooses a new password with the one-time code an administrator gave them. */
export const resetWithCodeSchema = z
  .object({
    email: signInSchema.shape.email,
    code: resetCodeField,
    password: newPasswordField,
    confirm: z.string(),
  })
  .superRefine(confirmMatches);
export type ResetWithCodeInput = z.input<typeof resetWithCodeSchema>;

/** Signed in: the user changes their own password, proving they know the current one. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(200, "Password is too long"),
    password: newPasswordField,
    confirm: z.string(),
  })
  .superRefine(confirmMatches);
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
