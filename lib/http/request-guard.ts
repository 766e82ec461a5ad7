// What proxy.ts (pages) and lib/http/route `guarded` (every API handler) decide before a page or route runs:
// cross-site and wrong-type writes are refused (CSRF), bodies are bounded, and every answer carries the security
// headers. Pure, so it is unit-tested; isomorphic (no Node or Next imports), since the proxy may run on the edge runtime.

/** Commands are small JSON documents; 64 KB is far above the largest form (a site's settings). */
export const COMMAND_BODY_LIMIT = 64 * 1024;

/**
 * The documented exceptions to JSON bodies. The patient import takes a CSV as text/csv, text/plain or a
 * multipart field (lib/patients/import-schema IMPORT_MAX_BYTES = 5 MB; the route answers 413 for the file,
 * the proxy refuses anything beyond the file plus the multipart envelope).
 */
export const UPLOAD_ROUTES: { path: RegExp; limit: number; types: string[] }[] = [
  { path: /^\/api\/admin\/patients\/import\/?$/, limit: 5 * 1024 * 1024 + COMMAND_BODY_LIMIT, types: ["text/csv", "text/plain", "multipart/form-data"] },
];

/**
 * next-auth's own endpoints (sign-in, sign-out) post form-urlencoded bodies and carry next-auth's
 * double-submit CSRF token; they are exempt from the JSON rule only, never from the Origin check.
 */
const FORM_POST_ROUTES = /^\/api\/auth\//;

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type GuardRequest = {
  method: string;
  /** Path of the request URL. */
  pathname: string;
  /** The origins this app is served at (its own URL, and the public URL behind a proxy). */
  ownOrigins: string[];
  headers: { get(name: string): string | null };
};
export type Refusal = { status: 403 | 413 | 415; code: string; message: string };

const mediaType = (v: string | null) => (v ?? "").split(";")[0].trim().toLowerCase();

/**
 * A browser always sends Origin (or at least Sec-Fetch-Site) on a cross-origin write; a request with
 * neither comes from a non-browser client (curl, a script, a test's API context), which cannot ride on
 * a victim's cookie, so it is let through to the route's own authentication.
 */
export function crossSiteRefusal(req: GuardRequest): Refusal | null {
  if (!MUTATING.has(req.method.toUpperCase())) return null;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none")
    return { status: 403, code: "CROSS_SITE", message: `Refused: the request came from another site (Sec-Fetch-Site: ${site}).` };
  const origin = req.headers.get("origin");
  if (origin !== null && !req.ownOrigins.includes(origin))
    return { status: 403, code: "CROSS_SITE", message: "Refused: the request came from another origin." };
  return null;
}

/** Only JSON bodies, except the upload routes and next-auth's form posts; bodies above the route's limit are 413. */
export function bodyRefusal(req: GuardRequest): Refusal | null {
  if (!MUTATING.has(req.method.toUpperCase())) return null;
  const upload = UPLOAD_ROUTES.find((u) => u.path.test(req.pathname));
  const limit = upload?.limit ?? COMMAND_BODY_LIMIT;
  const length = req.headers.get("content-length");
  if (length !== null && Number(length) > limit)
    return { status: 413, code: "TOO_LARGE", message: `The request body is larger than ${Math.round(limit / 1024)} KB.` };
  if (FORM_POST_ROUTES.test(req.pathname)) return null;
  // A server action posts text/plain or multipart to a page path with its Next-Action header; Next checks its
  // Origin against the Host itself, and crossSiteRefusal has already checked it here. The app uses none today.
  if (req.headers.get("next-action") !== null && !req.pathname.startsWith("/api/")) return null;
  const type = mediaType(req.headers.get("content-type"));
  const hasBody = (length !== null && length !== "0") || req.headers.get("transfer-encoding") !== null;
  if (!type && !hasBody) return null; // a bodiless command (verify chain, idle lock, withdraw)
  if (upload ? upload.types.includes(type) : type === "application/json") return null;
  return {
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: upload ? `Send ${upload.types.join(" or ")}.` : "Send the request body as application/json.",
  };
}

/** The CSRF and body rules together, in the order a client should fix them. */
export const guardRefusal = (req: GuardRequest): Refusal | null => crossSiteRefusal(req) ?? bodyRefusal(req);

/** The request's own origin and the configured public URL's (NEXTAUTH_URL), as a browser would name them. */
export function ownOrigins(requestUrl: string, headers: { get(name: string): string | null }, publicUrl?: string): string[] {
  const origins = new Set<string>([new URL(requestUrl).origin]);
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const proto = (headers.get("x-forwarded-proto") ?? new URL(requestUrl).protocol.replace(":", "")).split(",")[0].trim();
  if (host) origins.add(`${proto}://${host.split(",")[0].trim()}`);
  if (publicUrl) {
    try {
      origins.add(new URL(publicUrl).origin);
    } catch {} // a malformed NEXTAUTH_URL is next-auth's error to report
  }
  return [...origins];
}

/** Served over TLS, directly or behind a proxy that says so. */
export const isHttps = (requestUrl: string, headers: { get(name: string): string | null }) =>
  new URL(requestUrl).protocol === "https:" || (headers.get("x-forwarded-proto") ?? "").split(",")[0].trim() === "https";

/**
 * The documented Next.js nonce pattern: scripts only with this request's nonce, and whatever they load
 * ('strict-dynamic'). Style attributes (charts, progress bars) are allowed; style elements need the nonce.
 * Development adds what the dev server's overlay and hot reload need.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    opts.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers on every answer (pages, API, refusals). The CSP only on documents, where it applies. */
export function securityHeaders(opts: { https: boolean; nonce?: string; dev?: boolean; noStore: boolean; instance?: string }): Record<string, string> {
  return {
    ...(opts.nonce ? { "content-security-policy": contentSecurityPolicy(opts.nonce, opts) } : {}),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
    ...(opts.https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
    ...(opts.noStore ? { "cache-control": "no-store" } : {}),
    // Behind a load balancer: which app server answered (INSTANCE_ID, set per server; README "Clinic network").
    ...(opts.instance ? { "x-instance": opts.instance } : {}),
  };
}

/** A fresh random nonce per request (128 bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
