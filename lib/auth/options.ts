import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { endSession, signInWithPassword } from "./sign-in";
import { clientAddress, MAX_SESSION_HOURS } from "./session-rules";
import { lockedError, SECOND_FACTOR_NEEDED } from "./schema";

/** How many proxies of ours add to X-Forwarded-For (TRUSTED_PROXY=1 behind one TLS proxy; unset: none). */
export const trustedProxies = () => {
  const v = (process.env.TRUSTED_PROXY ?? "").trim().toLowerCase();
  return v === "true" ? 1 : Math.max(0, Number.parseInt(v, 10) || 0);
};

const header = (h: unknown, name: string): string | null => {
  if (!h) return null;
  if (typeof (h as Headers).get === "function") return (h as Headers).get(name);
  const v = (h as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v[0] : (v ?? null);
};

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: MAX_SESSION_HOURS * 3600 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" }, otp: { label: "Code", type: "text" } },
      async authorize(credentials, req) {
        // Route handlers get no socket address in Next.js: without a trusted proxy the address is unknown
        // and only the account and installation counters apply.
        const ip = clientAddress(header(req?.headers, "x-forwarded-for"), trustedProxies(), null);
        const r = await signInWithPassword(credentials, { userAgent: header(req?.headers, "user-agent"), ip });
        if ("refused" in r) {
          // next-auth hands a thrown message to the sign-in form as `error`: the lock and until when.
          if (r.lock) throw new Error(lockedError(r.lock.scope, r.lock.until));
          if (r.needsSecondFactor) throw new Error(SECOND_FACTOR_NEEDED);
          return null;
        }
        return r;
      },
    }),
  ],
  callbacks: {
    // The JWT carries only the server-side session token; role and sites are read from the
    // database on every request (lib/auth/current-user.ts), so changes apply at once.
    async jwt({ token, user }) {
      if (user) token.sid = (user as unknown as { sid: string }).sid;
      return token;
    },
    async session({ session }) {
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(token.sid, "logout");
    },
  },
};
