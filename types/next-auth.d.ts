import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    /** Raw server-side session token; its sha-256 is AuthSession.id. */
    sid?: string;
  }
}
