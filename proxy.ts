import { NextResponse, type NextRequest } from "next/server";
import { guardRefusal, isHttps, newNonce, ownOrigins, securityHeaders } from "@/lib/http/request-guard";

/**
 * The one place every page request passes (lib/http/request-guard.ts decides; the API gets the same guard and
 * headers in its handler wrapper, lib/http/route `guarded`, and is not matched here — see there why):
 * - writes from another origin are refused (403), bodies must be JSON (415) except the documented upload route
 *   and next-auth's own form posts, and bodies above the route's limit are refused (413);
 * - every answer gets the security headers and `Cache-Control: no-store`; documents get a nonce-based CSP, which
 *   Next.js reads from the request's CSP header and puts on its own scripts (so every page renders dynamically).
 * Authorization is not decided here: the server-side session, role and site are checked in every page and route.
 * The requested path is passed on, so a sign-in redirect can bring the user back to it.
 */
export function proxy(req: NextRequest) {
  const https = isHttps(req.url, req.headers);
  const dev = process.env.NODE_ENV === "development";
  const refusal = guardRefusal({
    method: req.method,
    pathname: req.nextUrl.pathname,
    headers: req.headers,
    ownOrigins: ownOrigins(req.url, req.headers, process.env.NEXTAUTH_URL),
  });
  if (refusal)
    return NextResponse.json(
      { ok: false, code: refusal.code, message: refusal.message },
      { status: refusal.status, headers: securityHeaders({ https, dev, noStore: true, instance: process.env.INSTANCE_ID }) },
    );

  const nonce = newNonce();
  const headers = securityHeaders({ https, dev, nonce, noStore: true, instance: process.env.INSTANCE_ID });
  const forward = new Headers(req.headers);
  forward.set("x-request-path", req.nextUrl.pathname + req.nextUrl.search);
  forward.set("x-nonce", nonce);
  forward.set("content-security-policy", headers["content-security-policy"]);
  const res = NextResponse.next({ request: { headers: forward } });
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

export const config = { matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"] };
