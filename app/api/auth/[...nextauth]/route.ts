import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { guarded } from "@/lib/http/route";

// next-auth's own sign-in and sign-out posts pass the same Origin check as every other write (lib/http/route guarded).
const handler = guarded(NextAuth(authOptions) as (req: Request, ctx: unknown) => Promise<Response>);
export { handler as GET, handler as POST };
