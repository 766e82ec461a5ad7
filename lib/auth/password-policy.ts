// The password policy (issue 12): long enough, not a common or breached password, not the person's
// name or email. Pure; the list is the 49 000 most common passwords of breach corpora shipped in
// @zxcvbn-ts/language-common (no network look-up). Checked on the server only, so the browser does
// not download the list; the shared zod schema checks the length at the field.
import { dictionary } from "@zxcvbn-ts/language-common";

import { PASSWORD_MIN } from "./schema";
export { PASSWORD_MIN };
export const PASSWORD_MAX = 200;

let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase())));

export type PasswordOwner = { email: string; firstName?: string | null; lastName?: string | null };
export type PasswordProblem = { code: "TOO_SHORT" | "TOO_LONG" | "COMMON" | "PERSONAL"; message: string };

/**
 * The common-password check looks at the whole password and at its core without leading or trailing
 * digits and symbols ("Password2026!!" is "password"), and refuses one common word repeated.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const set = commonPasswords();
  if (set.has(lower)) return true;
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  if (core && set.has(core)) return true;
  const repeated = /^(.+?)\1+$/.exec(core || lower);
  return !!repeated && (set.has(repeated[1]) || repeated[1].length < 4);
}

/** Parts of the person's identity a password must not contain (at least 3 characters each). */
function personalParts(owner: PasswordOwner): string[] {
  const [local = "", domain = ""] = owner.email.toLowerCase().split("@");
  const parts = [owner.email.toLowerCase(), local, ...local.split(/[._+-]+/), owner.firstName ?? "", owner.lastName ?? "", domain.split(".")[0] ?? ""];
  return [...new Set(parts.map((p) => p.trim().toLowerCase()).filter((p) => p.length >= 3))];
}

export function passwordProblems(password: string, owner: PasswordOwner): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN) problems.push({ code: "TOO_SHORT", message: `At least ${PASSWORD_MIN} characters` });
  if (password.length > PASSWORD_MAX) problems.push({ code: "TOO_LONG", message: `At most ${PASSWORD_MAX} characters` });
  if (problems.length) return problems;
  if (isCommonPassword(password))
    problems.push({ code: "COMMON", message: "This password is too common: it appears in lists of leaked passwords. Choose another." });
  const lower = password.toLowerCase();
  if (personalParts(owner).some((p) => lower.includes(p)))
    problems.push({ code: "PERSONAL", message: "The password must not contain your name or email address" });
  return problems;
}
