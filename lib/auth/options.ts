import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { endSession, signInWithPassword } from "./sign-in";
import { MAX_SESSION_HOURS } from "./session-rules";

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
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const ip = header(req?.headers, "x-forwarded-for")?.split(",")[0]?.trim() ?? null;
        return signInWithPassword(credentials, { userAgent: header(req?.headers, "user-agent"), ip });
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
