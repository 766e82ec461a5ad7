// The one permission table: action → roles allowed. Pages, server actions and route handlers all
// ask `authorize(action, …)`; navigation is derived from the same table, so a link never shows
// for an action the server would refuse.
export const ROLES = ["NURSE", "PSYCHIATRIST", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "board.view": ["NURSE"],
  "review.view": ["PSYCHIATRIST"],
  "patient.read": ["NURSE", "PSYCHIATRIST"],
  "patient.write": ["NURSE", "PSYCHIATRIST"], // register a patient and edit their demographics
  "enrollment.record": ["NURSE", "PSYCHIATRIST"], // R6: the Patient Enrollment Form (the prescriber named must be a psychiatrist of the site)
  "counselling.record": ["NURSE", "PSYCHIATRIST"], // R7: a healthcare provider counsels before the first dose
  "clinical.record": ["NURSE", "PSYCHIATRIST"],
  "gate.decide": ["PSYCHIATRIST"],
  "dose.correct": ["PSYCHIATRIST"], // a dose corrected after devices were recorded is the prescriber's call
  "flag.manage": ["PSYCHIATRIST"], // R8, R47: record or remove contraindication and caution flags
  "session.sign": ["PSYCHIATRIST"],
  "medication.record": ["NURSE", "PSYCHIATRIST"], // the patient's medication list (R10, R16); not administrators (R47)
  "hepatic.record": ["PSYCHIATRIST"], // R48: hepatic impairment is the prescriber's assessment
  "trd.manage": ["PSYCHIATRIST"], // the antidepressant trials that document treatment resistance
  "reports.view": ["ADMIN"],
  "reports.export": ["ADMIN"],
  "pmf.submit": ["ADMIN"],
  "inventory.manage": ["ADMIN"],
  "user.manage": ["ADMIN"],
  "site.manage": ["ADMIN"],
  "rems.manage": ["ADMIN"], // R45: REMS parameter sets
  "patient.import": ["ADMIN"], // a clinic's patient list from its spreadsheets
  // R42: the prescriber moving the treatment, or the administrator who tells the REMS.
  "transfer.record": ["PSYCHIATRIST", "ADMIN"],
  "audit.read": ["ADMIN"],
  "packet.export": ["PSYCHIATRIST", "ADMIN"], // a session's audit packet (PDF + self-checking JSON), issue 15 §4
  "billing.manage": ["ADMIN"], // the effective-dated billing-code table (data to confirm with the billing office)
  "billing.view": ["PSYCHIATRIST", "ADMIN"], // a session's billing summary; the export is reports.export
  // Issue 16: nurses book chairs (and check in from the board); prescribers and administrators keep the payers' prior authorizations.
  "appointment.book": ["NURSE"],
  "authorization.view": ["NURSE", "PSYCHIATRIST", "ADMIN"],
  "authorization.manage": ["PSYCHIATRIST", "ADMIN"],
  "fhir.read": ["NURSE", "PSYCHIATRIST", "ADMIN"], // a session as a FHIR Bundle (issue 15); API tokens too (lib/fhir/access.ts)
  "fhir.export": ["ADMIN"], // bulk NDJSON export of a site and date range
  "token.manage": ["ADMIN"], // read-only API tokens of the administrator's sites
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

/** Fails closed: an action missing from the table is allowed to no one. */
export function can(role: Role, action: Action): boolean {
  const allowed = (PERMISSIONS as Record<string, readonly Role[] | undefined>)[action];
  return !!allowed && allowed.includes(role);
}

export type NavItem = { href: string; label: string; action: Action };

const NAV: NavItem[] = [
  { href: "/board", label: "Chair board", action: "board.view" },
  { href: "/schedule", label: "Schedule", action: "appointment.book" },
  { href: "/review", label: "Review", action: "review.view" },
  { href: "/patients", label: "Patients", action: "patient.read" },
  { href: "/reports", label: "Reports", action: "reports.view" },
  { href: "/authorizations", label: "Authorizations", action: "authorization.manage" },
  { href: "/inventory", label: "Inventory", action: "inventory.manage" },
  { href: "/admin/users", label: "Users", action: "user.manage" },
  { href: "/admin/sites", label: "Sites", action: "site.manage" },
  { href: "/admin/rems", label: "REMS parameters", action: "rems.manage" },
  { href: "/admin/import", label: "Import patients", action: "patient.import" },
  { href: "/admin/audit", label: "Audit log", action: "audit.read" },
  { href: "/admin/fhir-export", label: "FHIR export", action: "fhir.export" },
  { href: "/admin/api-tokens", label: "API tokens", action: "token.manage" },
];

export const navigationFor = (role: Role): NavItem[] => NAV.filter((n) => can(role, n.action));

/** Where a role lands after signing in: its first navigation entry. */
export const homeFor = (role: Role): string => navigationFor(role)[0]?.href ?? "/";
