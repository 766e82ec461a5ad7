import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, guardRefusal, isHttps, newNonce, ownOrigins, securityHeaders } from "./request-guard";

const OWN = "http://127.0.0.1:3100";
const req = (method: string, pathname: string, headers: Record<string, string> = {}) => ({
  method,
  pathname,
  ownOrigins: [OWN],
  headers: new Headers(headers),
});
const json = { "content-type": "application/json", "content-length": "20" };

describe("cross-site writes (CSRF)", () => {
  it("refuses a write from another origin or site with 403, whatever its content type", () => {
    expect(guardRefusal(req("POST", "/api/admin/users", { ...json, origin: "https://evil.example" }))?.status).toBe(403);
    expect(
      guardRefusal(req("POST", "/api/admin/users", { "content-type": "text/plain", "content-length": "20", origin: "https://evil.example" }))?.status,
    ).toBe(403);
    expect(guardRefusal(req("DELETE", "/api/admin/rems/x", { origin: "null" }))?.status).toBe(403);
    expect(guardRefusal(req("PATCH", "/api/admin/sites/x", { ...json, "sec-fetch-site": "cross-site" }))?.status).toBe(403);
    expect(guardRefusal(req("PUT", "/api/sessions/x/dose", { ...json, "sec-fetch-site": "same-site", origin: OWN }))?.status).toBe(403);
    expect(
      guardRefusal(req("POST", "/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" }))
        ?.status,
    ).toBe(403);
  });

  it("lets the app's own writes through, and writes without Origin or Sec-Fetch-Site (not a browser)", () => {
    expect(guardRefusal(req("POST", "/api/patients", { ...json, origin: OWN, "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(guardRefusal(req("POST", "/api/patients", json))).toBeNull();
  });

  it("never refuses reads", () => {
    expect(guardRefusal(req("GET", "/api/board", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBeNull();
    expect(guardRefusal(req("HEAD", "/api/reports/pmf/csv", { "sec-fetch-site": "cross-site" }))).toBeNull();
  });
});

describe("bodies: JSON only, bounded", () => {
  it("refuses other content types with 415, also without a type when there is a body", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/csv"])
      expect(guardRefusal(req("POST", "/api/admin/users", { "content-type": type, "content-length": "20" }))?.status, type).toBe(415);
    expect(guardRefusal(req("POST", "/api/admin/users", { "content-length": "20" }))?.status).toBe(415);
    expect(guardRefusal(req("POST", "/api/admin/users", { "transfer-encoding": "chunked" }))?.status).toBe(415);
  });

  it("accepts JSON with parameters, and a bodiless command", () => {
    expect(guardRefusal(req("POST", "/api/admin/users", { "content-type": "application/json; charset=utf-8", "content-length": "2" }))).toBeNull();
    expect(guardRefusal(req("POST", "/api/admin/audit/verify", {}))).toBeNull();
    expect(guardRefusal(req("DELETE", "/api/admin/rems/x", { "content-length": "0" }))).toBeNull();
  });

  it("takes CSV or a multipart file only on the patient import, and form posts only on next-auth's routes", () => {
    for (const type of ["text/csv", "text/plain", "multipart/form-data; boundary=x"])
      expect(guardRefusal(req("POST", "/api/admin/patients/import", { "content-type": type, "content-length": "2000000" })), type).toBeNull();
    expect(guardRefusal(req("POST", "/api/admin/patients/import", { "content-type": "application/xml", "content-length": "20" }))?.status).toBe(415);
    expect(
      guardRefusal(req("POST", "/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded", "content-length": "80", origin: OWN })),
    ).toBeNull();
  });

  it("leaves a server action's own encoding to Next on page paths, but still refuses one from another origin", () => {
    const action = { "next-action": "abc", "content-type": "text/plain;charset=UTF-8", "content-length": "20" };
    expect(guardRefusal(req("POST", "/patients/new", { ...action, origin: OWN }))).toBeNull();
    expect(guardRefusal(req("POST", "/patients/new", { ...action, origin: "https://evil.example" }))?.status).toBe(403);
    expect(guardRefusal(req("POST", "/api/patients", { ...action, origin: OWN }))?.status).toBe(415);
  });

  it("refuses a command above 64 KB and an upload above 5 MB plus its envelope with 413", () => {
    expect(guardRefusal(req("POST", "/api/patients", { ...json, "content-length": String(64 * 1024) }))).toBeNull();
    expect(guardRefusal(req("POST", "/api/patients", { ...json, "content-length": String(64 * 1024 + 1) }))?.status).toBe(413);
    expect(guardRefusal(req("POST", "/api/admin/patients/import", { "content-type": "text/csv", "content-length": String(5 * 1024 * 1024) }))).toBeNull();
    expect(guardRefusal(req("POST", "/api/admin/patients/import", { "content-type": "text/csv", "content-length": String(6 * 1024 * 1024) }))?.status).toBe(
      413,
    );
  });
});

describe("own origins and https", () => {
  it("names the request's origin, the forwarded public host and NEXTAUTH_URL", () => {
    const h = new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "tracker.clinic.example", "x-forwarded-proto": "https" });
    expect(ownOrigins("http://10.0.0.5:3000/api/x", h, "https://tracker.clinic.example/")).toEqual(
      expect.arrayContaining(["http://10.0.0.5:3000", "https://tracker.clinic.example"]),
    );
    expect(isHttps("http://10.0.0.5:3000/api/x", h)).toBe(true);
    expect(isHttps("http://127.0.0.1:3100/", new Headers())).toBe(false);
    expect(isHttps("https://tracker.clinic.example/", new Headers())).toBe(true);
  });
});

describe("security headers", () => {
  it("puts a nonce with 'strict-dynamic' in the CSP, forbids framing, and adds HSTS only over https", () => {
    const csp = contentSecurityPolicy("abc123==");
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    const plain = securityHeaders({ https: false, noStore: true, nonce: "n" });
    expect(plain).toMatchObject({ "x-frame-options": "DENY", "x-content-type-options": "nosniff", "cache-control": "no-store" });
    expect(plain["strict-transport-security"]).toBeUndefined();
    expect(securityHeaders({ https: true, noStore: true })["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders({ https: false, noStore: true })["content-security-policy"]).toBeUndefined();
    expect(plain["x-instance"]).toBeUndefined();
    expect(securityHeaders({ https: false, noStore: true, instance: "app2" })["x-instance"]).toBe("app2");
  });

  it("draws a new 128-bit nonce every time", () => {
    const a = newNonce();
    expect(atob(a)).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
