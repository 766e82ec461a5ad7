// Who may reach every route handler and every page, as data. The authorization matrix tests read it:
// lib/auth/route-permissions.test.ts lists app/api/**/route.ts and app/**/page.tsx from the filesystem and
// fails for a file without an entry (or an entry without a file, or a method not listed), and
// e2e/authorization-matrix.spec.ts calls each one as every role, and as a user of another site, against
// the running app. A new route or page therefore needs a line here before the tests pass.
import type { Action } from "./permissions";

/** The record whose site decides: named by a path parameter, or by a query parameter. */
export type RecordKind =
  | "Patient"
  | "TreatmentSession"
  | "PatientMonitoringForm"
  | "AdverseEvent"
  | "InventoryLot"
  | "PatientTransfer"
  | "User"
  | "Site"
  | "Appointment";
export type SiteScope =
  | { param: string; record: RecordKind } // /api/sessions/[id]/… : the session's site
  | { query: string; record: "Site" | "Patient" } // ?siteId=… or ?patientId=…
  | { body: "siteId" | "siteIds" | "patientId" }; // the site is in the JSON body (checked by the data function; data tests cover it)

export type Access =
  | { kind: "public"; why: string } // signed out too (sign-in, setting a password with a code, next-auth itself)
  | { kind: "first-run"; why: string } // only while the database has no user (then 404 / 409)
  | { kind: "signed-in"; why: string } // every role, their own things only
  | { kind: "role"; action: Action; scope?: SiteScope; national?: string }; // the permission table, and the site when scoped

export type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

const role = (action: Action, scope?: SiteScope): Access => ({ kind: "role", action, ...(scope ? { scope } : {}) });
const session = (action: Action): Access => role(action, { param: "id", record: "TreatmentSession" });
const patient = (action: Action): Access => role(action, { param: "id", record: "Patient" });
const site = role("site.manage", { param: "id", record: "Site" });
const user = role("user.manage", { param: "id", record: "User" });

/** Route handlers: path under app (route groups left out) → method → access. */
export const ROUTE_PERMISSIONS: Record<string, Partial<Record<Method, Access>>> = {
  "/api/auth/[...nextauth]": {
    GET: { kind: "public", why: "next-auth: sign-in, sign-out, CSRF token" },
    POST: { kind: "public", why: "next-auth: sign-in, sign-out, CSRF token" },
  },
  "/api/setup": { POST: { kind: "first-run", why: "the first administrator and site" } },
  "/api/health": { GET: { kind: "public", why: "load-balancer health check: database reachable, migrations current; no patient data" } },
  "/api/password/reset": { POST: { kind: "public", why: "a new password with a one-time code, signed out" } },
  "/api/account/password": { POST: { kind: "signed-in", why: "one's own password" } },
  "/api/account/two-factor": {
    POST: { kind: "signed-in", why: "one's own two-step sign-in (psychiatrists and administrators; others 403)" },
    DELETE: { kind: "signed-in", why: "one's own two-step sign-in" },
  },
  "/api/session/lock": { POST: { kind: "public", why: "the tablet's idle lock ends the caller's own session; signed out there is none to end" } },

  "/api/admin/users": { POST: role("user.manage", { body: "siteIds" }) },
  "/api/admin/users/[id]": { PATCH: user },
  "/api/admin/users/[id]/disable": { POST: user },
  "/api/admin/users/[id]/enable": { POST: user },
  "/api/admin/users/[id]/reset-code": { POST: user },
  "/api/admin/users/[id]/unlock": { POST: user },
  "/api/admin/users/[id]/reset-second-factor": { POST: user },
  "/api/admin/sites": { POST: role("site.manage") }, // a new site is given to its creator
  "/api/admin/sites/[id]": { PATCH: site },
  "/api/admin/sites/[id]/status": { POST: site },
  "/api/admin/sites/[id]/chairs": { POST: site },
  "/api/admin/sites/[id]/chairs/[chairId]": { PATCH: site },
  "/api/admin/sites/[id]/authorized-representative": { POST: site },
  "/api/admin/audit/export": { GET: role("audit.read") }, // rows of the administrator's sites only (auditScopeFor)
  "/api/admin/audit/verify": { POST: role("audit.read") }, // the chain is one for the installation: intact or the first broken id
  "/api/admin/audit/anchor": { GET: role("audit.read") }, // a signed checkpoint of the installation's chain head (no patient data), itself audited
  "/api/admin/rems": { POST: { kind: "role", action: "rems.manage", national: "REMS parameters are national (R45)" } },
  "/api/admin/billing-codes": {
    POST: { kind: "role", action: "billing.manage", national: "the billing-code table is the installation's, like the REMS parameters" },
  },
  "/api/admin/billing-codes/[id]/end": {
    POST: { kind: "role", action: "billing.manage", national: "the billing-code table is the installation's, like the REMS parameters" },
  },
  "/api/admin/rems/[id]": { DELETE: { kind: "role", action: "rems.manage", national: "REMS parameters are national (R45)" } },
  "/api/admin/patients/import": { POST: role("patient.import", { query: "siteId", record: "Site" }) },

  "/api/board": { GET: role("board.view") }, // the user's own sites
  "/api/appointments": { POST: role("appointment.book", { body: "patientId" }) },
  "/api/appointments/[id]/cancel": { POST: role("appointment.book", { param: "id", record: "Appointment" }) },
  "/api/appointments/[id]/no-show": { POST: role("appointment.book", { param: "id", record: "Appointment" }) },
  "/api/patients/[id]/authorizations": { POST: patient("authorization.manage") },
  "/api/patients": { POST: role("patient.write", { body: "siteId" }) },
  "/api/patients/[id]": { PATCH: patient("patient.write") },
  "/api/patients/[id]/counselling": { POST: patient("counselling.record") },
  "/api/patients/[id]/enrollments": { POST: patient("enrollment.record") },
  "/api/patients/[id]/flags": { POST: patient("flag.manage") },
  "/api/patients/[id]/hepatic-impairment": { PUT: patient("hepatic.record") },
  "/api/patients/[id]/medications": { POST: patient("medication.record") },
  "/api/patients/[id]/medications/[medId]": { PATCH: patient("medication.record") },
  "/api/patients/[id]/medications/[medId]/stop": { POST: patient("medication.record") },
  "/api/patients/[id]/flags/[flagId]/remove": { POST: patient("flag.manage") },
  "/api/patients/[id]/outcomes": { POST: patient("clinical.record") },
  "/api/patients/[id]/transfers": { POST: patient("transfer.record") },
  "/api/patients/[id]/trials": { POST: patient("trd.manage") },
  "/api/transfers/[id]/notice": { POST: role("transfer.record", { param: "id", record: "PatientTransfer" }) },

  "/api/sessions": { POST: role("clinical.record", { body: "patientId" }) },
  "/api/sessions/[id]/adverse-events": { POST: session("clinical.record") },
  "/api/sessions/[id]/adverse-events/[eventId]/resolve": { POST: session("clinical.record") },
  "/api/sessions/[id]/adverse-events/[eventId]/update": { POST: session("clinical.record") },
  "/api/sessions/[id]/amendments": { POST: session("clinical.record") },
  "/api/sessions/[id]/checklist": { PUT: session("clinical.record") },
  "/api/sessions/[id]/decisions": { POST: session("gate.decide") },
  "/api/sessions/[id]/deviations": { POST: session("clinical.record") },
  "/api/sessions/[id]/devices": { POST: session("clinical.record") },
  "/api/sessions/[id]/discharge": { POST: session("clinical.record") },
  "/api/sessions/[id]/dissociation": { POST: session("clinical.record") },
  "/api/sessions/[id]/dose": { PUT: session("clinical.record") },
  "/api/sessions/[id]/dose-correction": { POST: session("dose.correct") },
  "/api/sessions/[id]/entries/[kind]/[entryId]/entered-in-error": { POST: session("clinical.record") },
  "/api/sessions/[id]/forty-minute": { POST: session("clinical.record") },
  "/api/sessions/[id]/hypertensive-crisis": { POST: session("clinical.record") },
  "/api/sessions/[id]/not-dosed": { POST: session("clinical.record") },
  "/api/sessions/[id]/pre-completion": { POST: session("clinical.record") },
  "/api/sessions/[id]/sedation": { POST: session("clinical.record") },
  "/api/sessions/[id]/signature": { POST: session("session.sign") },
  "/api/sessions/[id]/transfer": { POST: session("clinical.record") },
  "/api/sessions/[id]/vitals": { POST: session("clinical.record") },

  "/api/inventory/lots": { POST: role("inventory.manage", { body: "siteId" }) },
  "/api/inventory/lots/[id]/counts": { POST: role("inventory.manage", { param: "id", record: "InventoryLot" }) },
  "/api/inventory/lots/[id]/returns": { POST: role("inventory.manage", { param: "id", record: "InventoryLot" }) },
  "/api/inventory/lots/[id]/waste": { POST: role("inventory.manage", { param: "id", record: "InventoryLot" }) },
  "/api/inventory/dispensing-log/csv": { GET: role("inventory.manage", { query: "siteId", record: "Site" }) },

  "/api/reports/pmf/csv": {
    GET: role("reports.export", { query: "siteId", record: "Site" }),
    HEAD: role("reports.export", { query: "siteId", record: "Site" }),
  },
  "/api/reports/pmf/pdf": {
    GET: role("reports.export", { query: "siteId", record: "Site" }),
    HEAD: role("reports.export", { query: "siteId", record: "Site" }),
  },
  "/api/reports/pmf/[id]/pdf": { GET: role("reports.export", { param: "id", record: "PatientMonitoringForm" }) },
  "/api/reports/pmf/[id]/submit": { POST: role("pmf.submit", { param: "id", record: "PatientMonitoringForm" }) },
  "/api/reports/pmf/[id]/amend": { POST: role("pmf.submit", { param: "id", record: "PatientMonitoringForm" }) },
  "/api/reports/adverse-events/csv": {
    GET: role("reports.export", { query: "site", record: "Site" }),
    HEAD: role("reports.export", { query: "site", record: "Site" }),
  },
  "/api/sessions/[id]/audit-packet": { GET: session("packet.export") },
  "/api/reports/billing/csv": {
    GET: role("reports.export", { query: "site", record: "Site" }),
    HEAD: role("reports.export", { query: "site", record: "Site" }),
  },
  "/api/fhir/sessions/[id]": { GET: session("fhir.read") }, // or an API token of the session's site (lib/fhir/access.ts)
  "/api/fhir/export": { GET: role("fhir.export", { query: "site", record: "Site" }) }, // or an API token of the site
  "/api/admin/api-tokens": { POST: role("token.manage", { body: "siteIds" }) },
  "/api/admin/api-tokens/revoke": { POST: role("token.manage") }, // { id }: a token of sites the administrator lacks is 404 (data function)
  "/api/reports/adverse-events/[id]/reported-to-rems": { POST: role("pmf.submit", { param: "id", record: "AdverseEvent" }) },
};

/** Pages: path under app (route groups left out) → access for GET. */
export const PAGE_PERMISSIONS: Record<string, Access> = {
  "/": { kind: "signed-in", why: "sends each role to its home" },
  "/sign-in": { kind: "public", why: "signing in" },
  "/reset-password": { kind: "public", why: "a new password with a one-time code, signed out" },
  "/setup": { kind: "first-run", why: "the first administrator and site" },
  "/account/password": { kind: "signed-in", why: "one's own password" },

  "/board": role("board.view"),
  "/review": role("review.view"),
  "/patients": role("patient.read"),
  "/patients/new": role("patient.write"),
  "/patients/[id]": patient("patient.read"),
  "/patients/[id]/course": patient("patient.read"),
  "/patients/[id]/trd": patient("patient.read"),
  "/patients/[id]/authorizations": patient("authorization.view"),
  "/schedule": role("appointment.book", { query: "site", record: "Site" }),
  "/schedule/week": role("appointment.book", { query: "site", record: "Site" }),
  "/schedule/book": role("appointment.book", { query: "site", record: "Site" }),
  "/authorizations": role("authorization.manage"), // the user's own sites
  "/sessions/new": role("clinical.record", { query: "patientId", record: "Patient" }),
  "/sessions/[id]": session("patient.read"),
  "/sessions/[id]/sign-off": session("patient.read"),

  "/reports": role("reports.view"),
  "/reports/adverse-events": role("reports.view"),
  "/reports/deviations": role("reports.view"),
  "/reports/enrollment": role("reports.view"),
  "/reports/monitoring-duration": role("reports.view"),
  "/reports/billing": role("reports.view"),
  "/reports/pmf/[id]": role("reports.view", { param: "id", record: "PatientMonitoringForm" }),

  "/inventory": role("inventory.manage", { query: "site", record: "Site" }),
  "/inventory/lots/new": role("inventory.manage", { query: "site", record: "Site" }),
  "/inventory/lots/[id]": role("inventory.manage", { param: "id", record: "InventoryLot" }),
  "/inventory/dispensing-log": role("inventory.manage", { query: "siteId", record: "Site" }),

  "/admin/users": role("user.manage"), // the administrator's sites' users only
  "/admin/users/new": role("user.manage"),
  "/admin/users/[id]": user,
  "/admin/sites": role("site.manage"), // the administrator's sites only
  "/admin/sites/new": role("site.manage"),
  "/admin/sites/[id]": site,
  "/admin/audit": role("audit.read"), // rows of the administrator's sites only
  "/admin/billing-codes": { kind: "role", action: "billing.manage", national: "the billing-code table is the installation's, like the REMS parameters" },
  "/admin/rems": { kind: "role", action: "rems.manage", national: "REMS parameters are national (R45)" },
  "/admin/import": role("patient.import"),
  "/admin/api-tokens": role("token.manage"), // tokens of the administrator's sites only
  "/admin/fhir-export": role("fhir.export"), // the administrator's sites only
};

/** The URL path of a route or page file: `app/(app)/admin/users/[id]/page.tsx` → `/admin/users/[id]`. */
export function pathOfFile(file: string): string {
  const parts = file
    .replace(/\\/g, "/")
    .split("/")
    .slice(1, -1)
    .filter((p) => !/^\(.*\)$/.test(p));
  return "/" + parts.join("/");
}
