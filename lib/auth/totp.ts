import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import { serverNow } from "@/lib/clock";
import { db, transaction } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/data";
import { HttpError, invalidInput } from "@/lib/http/errors";
import { confirmPassword } from "./confirm-password";
import type { Role } from "./permissions";

// Optional two-step sign-in (TOTP, RFC 6238: 6 digits, 30 s, SHA-1 — what authenticator apps expect) for
// psychiatrists (whose password is their signature) and administrators. otplib does the arithmetic.

export const TOTP_ROLES: readonly Role[] = ["PSYCHIATRIST", "ADMIN"];
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "Esketamine Session Tracker";

// The secret is encrypted at rest (AES-256-GCM) with a key derived from NEXTAUTH_SECRET, so a copy of the
// database alone does not yield working codes.
function key(): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is required for two-step sign-in");
  return createHash("sha256").update(`totp-secret-key:${secret}`).digest();
}
export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return ["v1", iv.toString("base64url"), c.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}
function openSecret(sealed: string): string {
  const [, iv, tag, body] = sealed.split(".");
  const d = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  d.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([d.update(Buffer.from(body, "base64url")), d.final()]).toString("utf8");
}

const recoveryHash = (code: string) =>
  createHash("sha256")
    .update(`recovery:${code.toUpperCase().replace(/[\s-]/g, "")}`)
    .digest("hex");
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const newRecoveryCode = () => {
  const c = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${c.slice(0, 5)}-${c.slice(5)}`;
};

/** A new secret to set up in the authenticator app (not stored until a code from the app confirms it). */
export function newTotpSetup(email: string): { secret: string; uri: string } {
  const secret = generateSecret();
  return { secret, uri: generateURI({ issuer: ISSUER, label: email, secret }) };
}

/** The time step a code belongs to, if it is valid now (±30 s for the phone's clock), else null. */
async function stepOf(secret: string, token: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(token)) return null;
  const r = await verify({ secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 });
  // A TOTP result carries the time step the code belongs to (the HOTP branch of the union does not).
  return r.valid && "timeStep" in r && typeof r.timeStep === "number" ? r.timeStep : null;
}

type Me = { id: string; email: string; role: string };

/**
 * Turns two-step sign-in on: the secret shown to the user and a code their app made from it. Answers the
 * recovery codes, once (only their hashes are kept).
 */
export async function enableTotp(me: Me, secret: string, token: string): Promise<{ recoveryCodes: string[] }> {
  if (!TOTP_ROLES.includes(me.role as Role)) throw new HttpError(403, "FORBIDDEN", "Two-step sign-in is for psychiatrists and administrators.");
  if (!/^[A-Z2-7]{26,64}$/.test(secret)) throw invalidInput({ secret: ["Start the set-up again"] });
  const now = serverNow();
  const step = await stepOf(secret, token.trim(), now);
  if (step === null) throw invalidInput({ code: ["This code does not match. Check the time on your phone and enter the newest code."] });
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: me.id, totpEnabledAt: null },
      data: { totpSecret: sealSecret(secret), totpEnabledAt: now, totpLastStep: step },
    });
    if (!count) throw new HttpError(409, "ALREADY_ENABLED", "Two-step sign-in is already on.");
    await tx.recoveryCode.deleteMany({ where: { userId: me.id } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId: me.id, codeHash: recoveryHash(c), createdAt: now })) });
    await appendAudit(tx, { actor: me, action: "user.totp_enable", entityType: "User", entityId: me.id, after: { recoveryCodes: RECOVERY_CODE_COUNT } });
  });
  return { recoveryCodes };
}

/** Turns it off, with the current password (shares the sign-in throttle). */
export async function disableTotp(me: Me, password: string): Promise<void> {
  const user = await db().user.findUniqueOrThrow({ where: { id: me.id }, select: { email: true, passwordHash: true, totpEnabledAt: true } });
  if (!user.totpEnabledAt) throw new HttpError(409, "NOT_ENABLED", "Two-step sign-in is not on.");
  if (!(await confirmPassword(user, password))) throw invalidInput({ password: ["This is not your current password"] });
  await transaction(async (tx) => {
    await tx.user.update({ where: { id: me.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: me.id } });
    await appendAudit(tx, { actor: me, action: "user.totp_disable", entityType: "User", entityId: me.id });
  });
}

/**
 * The second step of a sign-in: a current code from the app (each time step once: a code seen over a
 * shoulder cannot be replayed) or an unused recovery code (used up). False otherwise.
 */
export async function checkSecondFactor(userId: string, code: string, now: Date): Promise<"totp" | "recovery" | false> {
  const u = await db().user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpLastStep: true } });
  if (!u?.totpSecret) return false;
  const trimmed = code.trim();
  const step = await stepOf(openSecret(u.totpSecret), trimmed.replace(/\s/g, ""), now);
  if (step !== null) {
    // Conditional update: two sign-ins with one code cannot both pass.
    const { count } = await db().user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count ? "totp" : false;
  }
  const { count } = await db().recoveryCode.updateMany({ where: { userId, codeHash: recoveryHash(trimmed), usedAt: null }, data: { usedAt: now } });
  return count ? "recovery" : false;
}

export async function totpStatus(userId: string): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
  const u = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } });
  return { enabled: !!u.totpEnabledAt, recoveryCodesLeft: u.totpEnabledAt ? await db().recoveryCode.count({ where: { userId, usedAt: null } }) : 0 };
}
