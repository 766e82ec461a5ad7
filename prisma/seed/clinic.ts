// The two certified sites and the five demo staff (the seed contract). The REMS parameter set in force is
// the initial one that first run writes (lib/setup/first-run.ts), as on any new installation.
import { newId, type Rows } from "./rows";
import { dateOnly } from "./time";

export const DEMO_PASSWORD = "Demo-pass-2026";

export type SiteRef = { id: string; code: string; name: string; timeZone: string; settingType: "OUTPATIENT" | "INPATIENT"; chairs: Map<string, string> };
export type Staff = Record<"nora" | "sam" | "lena" | "priya" | "adam", { id: string; email: string; name: string }>;
export type Clinic = { outA: SiteRef; inB: SiteRef; staff: Staff };

export const DEMO_ACCOUNTS = [
  { key: "nora", firstName: "Nora", lastName: "Bishop", email: "nurse@example.com", role: "NURSE", sites: ["OUT-A"], telephone: "518-555-0141" },
  { key: "sam", firstName: "Sam", lastName: "Ortiz", email: "nurse2@example.com", role: "NURSE", sites: ["OUT-A"], telephone: "518-555-0142" },
  { key: "lena", firstName: "Lena", lastName: "Brooks", email: "nurse.b@example.com", role: "NURSE", sites: ["IN-B"], telephone: "312-555-0150" },
  { key: "priya", firstName: "Priya", lastName: "Shah", email: "psych@example.com", role: "PSYCHIATRIST", sites: ["OUT-A", "IN-B"], telephone: "518-555-0143" },
  { key: "adam", firstName: "Adam", lastName: "Cole", email: "admin@example.com", role: "ADMIN", sites: ["OUT-A", "IN-B"], telephone: "518-555-0144" },
] as const;

function planSite(
  rows: Rows,
  s: {
    code: string;
    name: string;
    settingType: "OUTPATIENT" | "INPATIENT";
    certifiedAt: string;
    acquisitionMethods: ("BUY_AND_BILL" | "PHARMACY_CHANNEL")[];
    remsSettingId: string;
    address1: string;
    address2?: string;
    city: string;
    state: string;
    zip: string;
    phone: string;
    timeZone: string;
    chairs: string[];
    representative: { name: string; email: string; phone: string; fromDate: string };
  },
): SiteRef {
  const id = newId();
  const certifiedAt = new Date(s.certifiedAt);
  rows.sites.push({
    id,
    code: s.code,
    name: s.name,
    settingType: s.settingType,
    certificationStatus: "ACTIVE",
    certifiedAt,
    remsSettingId: s.remsSettingId,
    acquisitionMethods: s.acquisitionMethods,
    pulseOximeterAttested: true,
    pulseOximeterAttestedAt: certifiedAt,
    address1: s.address1,
    address2: s.address2 ?? null,
    city: s.city,
    state: s.state,
    zip: s.zip,
    phone: s.phone,
    timeZone: s.timeZone,
    createdAt: certifiedAt,
    updatedAt: certifiedAt,
  });
  rows.representatives.push({ id: newId(), siteId: id, ...s.representative, fromDate: dateOnly(s.representative.fromDate), createdAt: certifiedAt });
  const chairs = new Map(s.chairs.map((label) => [label, newId()]));
  for (const [label, chairId] of chairs) rows.chairs.push({ id: chairId, siteId: id, label });
  return { id, code: s.code, name: s.name, timeZone: s.timeZone, settingType: s.settingType, chairs };
}

export function planClinic(rows: Rows): Clinic {
  const outA = planSite(rows, {
    code: "OUT-A",
    name: "Riverside Outpatient Clinic",
    settingType: "OUTPATIENT",
    certifiedAt: "2025-01-15T15:00:00Z",
    acquisitionMethods: ["BUY_AND_BILL", "PHARMACY_CHANNEL"],
    remsSettingId: "OHS-204518",
    address1: "120 River Street",
    address2: "Suite 300",
    city: "Hudson",
    state: "NY",
    zip: "12534",
    phone: "518-555-0140",
    timeZone: "America/New_York",
    chairs: ["Chair 1", "Chair 2", "Chair 3", "Chair 4"],
    representative: { name: "Dr. Helen Marsh", email: "h.marsh@riverside.example.com", phone: "518-555-0149", fromDate: "2025-01-10" },
  });
  const inB = planSite(rows, {
    code: "IN-B",
    name: "Lakeside Inpatient Unit",
    settingType: "INPATIENT",
    certifiedAt: "2024-06-01T15:00:00Z",
    acquisitionMethods: ["PHARMACY_CHANNEL"],
    remsSettingId: "IHS-117342",
    address1: "800 Lake Shore Drive",
    city: "Chicago",
    state: "IL",
    zip: "60611",
    phone: "312-555-0100",
    timeZone: "America/Chicago",
    chairs: ["Bed 1", "Bed 2"],
    representative: { name: "Dr. Omar Said", email: "o.said@lakeside.example.com", phone: "312-555-0101", fromDate: "2024-05-20" },
  });
  const siteByCode = { "OUT-A": outA.id, "IN-B": inB.id };
  const staff = {} as Staff;
  for (const a of DEMO_ACCOUNTS) {
    const id = newId();
    rows.users.push({ id, email: a.email, firstName: a.firstName, lastName: a.lastName, role: a.role, telephone: a.telephone, passwordHash: "" }); // createUser hashes DEMO_PASSWORD
    for (const code of a.sites) rows.userSites.push({ userId: id, siteId: siteByCode[code] });
    staff[a.key] = { id, email: a.email, name: `${a.firstName} ${a.lastName}` };
  }
  return { outA, inB, staff };
}
