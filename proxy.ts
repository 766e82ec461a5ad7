import { NextResponse, type NextRequest } from "next/server";

// Optimistic only: the real check (server-side session, role, site) runs in every page and route.
// The proxy passes the requested path on, so a sign-in redirect can bring the user back to it.
export function proxy(req: NextRequest) {
  const headers = new Headers(req.headers);
  headers.set("x-request-path", req.nextUrl.pathname + req.nextUrl.search);
  const res = NextResponse.next({ request: { headers } });
  // Behind a load balancer: which app server answered (INSTANCE_ID, set per server; README "Clinic network").
  if (process.env.INSTANCE_ID) res.headers.set("x-instance", process.env.INSTANCE_ID);
  return res;
}

export const config = { matcher: ["/((?!_next/|favicon.ico).*)"] };
