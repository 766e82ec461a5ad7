import "server-only";
import { formatDateTime } from "./format";
import { counsellingHistory, counsellorChoices, enrollmentHistory, prescriberChoices } from "./enrollment";
import { describeMissing } from "./enrollment-rules";
import type { PatientDetail } from "./data";
import type { EditPatientInput } from "./schema";

// What the patient page hands its REMS enrollment, counselling and demographics components: small DTOs, times
// already written in the site's time zone.

export async function remsEnrollmentView(patientId: string, siteId: string, tz: string) {
  const [rows, prescribers] = await Promise.all([enrollmentHistory(patientId), prescriberChoices(siteId)]);
  const current = rows.find((r) => r.current) ?? null;
  const missing = current?.missing ?? [];
  return {
    history: rows.map(({ missing: _, ...r }) => ({ ...r, recordedAt: formatDateTime(r.recordedAt, tz) })),
    missing: missing.length ? describeMissing(missing) : null,
    prescribers,
  };
}

export async function counsellingView(patientId: string, siteId: string, tz: string) {
  const [h, counsellors] = await Promise.all([counsellingHistory(patientId), counsellorChoices(siteId)]);
  return {
    view: {
      completeAt: h.completeAt && formatDateTime(h.completeAt, tz),
      missingTopics: h.missingTopics,
      records: h.records.map((r) => ({ ...r, counselledAt: formatDateTime(r.counselledAt, tz) })),
    },
    counsellors,
  };
}

export const demographicsOf = (p: PatientDetail): EditPatientInput => ({
  mrn: p.mrn,
  firstName: p.firstName,
  middleInitial: p.middleInitial ?? "",
  lastName: p.lastName,
  birthDate: p.birthDate,
  sex: p.sex,
  phone: p.phone ?? "",
  email: p.email ?? "",
  indication: p.indication ?? ("" as "TRD"),
  primaryPayerType: p.primaryPayerType ?? "",
  version: p.version,
});
