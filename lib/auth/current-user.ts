import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import type { Role } from "./permissions";
import { endSession, tokenId } from "./sign-in";
import { idleMinutesFor, sessionState, TOUCH_INTERVAL_MS, type SessionEndReason } from "./session-rules";

export type CurrentUser = {
  id: string;
  email: string;
  role: Role;
  name: string;
  siteIds: string[];
  sites: { id: string; code: string; name: string; timeZone: string }[];
  idleMinutes: number;
};

export type SessionLookup = { user: CurrentUser } | { user: null; ended: SessionEndReason | "none" };

type SessionRow = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  userId: string;
  email: string;
  role: string;
  firstName: string;
  lastName: string;
  disabledAt: Date | null;
  siteId: string | null;
  code: string | null;
  name: string | null;
  timeZone: string | null;
  idleLockMinutes: number | null;
};

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

// A cookie decodes to the same server-side session id every time, and decoding it (next-auth derives the key with
// HKDF, then decrypts) is most of the CPU of reading a request's session: the ids of recently decoded cookies are
// kept, per secret. Only cookies that decoded are kept; the session itself is read and checked on every request.
const decoded = new Map<string, string>();
const DECODED_MAX = 5000;

async function sessionToken(): Promise<string | null> {
  const store = await cookies();
  const raw = COOKIE_NAMES.map((n) => store.get(n)?.value).find(Boolean);
  const secret = process.env.NEXTAUTH_SECRET;
  if (!raw || !secret) return null;
  const known = decoded.get(`${secret}\n${raw}`);
  if (known) return known;
  try {
    const jwt = await decode({ token: raw, secret });
    if (typeof jwt?.sid !== "string") return null;
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(`${secret}\n${raw}`, jwt.sid);
    return jwt.sid;
  } catch {
    return null;
  }
}

/**
 * The signed-in user, checked against the server-side session on every request: a revoked,
 * idle, expired or disabled session ends here, whatever the browser's cookie says.
 */
export const lookupSession = cache(async (): Promise<SessionLookup> => {
  const token = await sessionToken();
  if (!token) return { user: null, ended: "none" };
  // One joined query (a row per site of the user): this runs on every request.
  const rows = await sql().query<SessionRow>`
    SELECT s.id, s."createdAt", s."lastSeenAt", s."expiresAt", s."revokedAt",
           u.id AS "userId", u.email, u.role::text AS role, u."firstName", u."lastName", u."disabledAt",
           st.id AS "siteId", st.code, st.name, st."timeZone", st."idleLockMinutes"
    FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "UserSite" us ON us."userId" = u.id LEFT JOIN "Site" st ON st.id = us."siteId"
    WHERE s.id = ${tokenId(token)} ORDER BY st."settingType", st.name`; // outpatient sites (where PMFs live) first
  if (!rows.length) return { user: null, ended: "none" };
  const first = rows[0];
  const s = {
    id: first.id,
    createdAt: first.createdAt,
    lastSeenAt: first.lastSeenAt,
    expiresAt: first.expiresAt,
    revokedAt: first.revokedAt,
    user: {
      id: first.userId,
      email: first.email,
      role: first.role as Role,
      firstName: first.firstName,
      lastName: first.lastName,
      disabledAt: first.disabledAt,
    },
  };
  const sites = rows
    .filter((r) => r.siteId)
    .map((r) => ({ id: r.siteId!, code: r.code!, name: r.name!, timeZone: r.timeZone!, idleLockMinutes: r.idleLockMinutes! }));
  const idleMinutes = idleMinutesFor(sites.map((x) => x.idleLockMinutes));
  const now = new Date();
  const state = sessionState({ ...s, userDisabledAt: s.user.disabledAt }, now, idleMinutes);
  if (!state.ok) {
    await endSession(token, state.reason);
    return { user: null, ended: state.reason };
  }
  // Background polling (the chair board) sends x-background: 1 and does not keep a session awake.
  const background = (await headers()).get("x-background") === "1";
  if (!background && now.getTime() - s.lastSeenAt.getTime() > TOUCH_INTERVAL_MS)
    await db().authSession.update({ where: { id: s.id }, data: { lastSeenAt: now } });
  return {
    user: {
      id: s.user.id,
      email: s.user.email,
      role: s.user.role,
      name: `${s.user.firstName} ${s.user.lastName}`,
      siteIds: sites.map((x) => x.id),
      sites: sites.map(({ id, code, name, timeZone }) => ({ id, code, name, timeZone })),
      idleMinutes,
    },
  };
});

/** Ends the current request's server-side session (the tablet's idle lock), with its reason. */
export async function endCurrentSession(reason: SessionEndReason): Promise<void> {
  const token = await sessionToken();
  if (token) await endSession(token, reason);
}

/** The path (and query) of the current request, set by proxy.ts, to come back to after sign-in. */
export async function currentPath(): Promise<string> {
  return (await headers()).get("x-request-path") ?? "/";
}

/** The id of the current request's server-side session (to keep it when the user changes their own password). */
export async function currentSessionId(): Promise<string | null> {
  const token = await sessionToken();
  return token ? tokenId(token) : null;
}
