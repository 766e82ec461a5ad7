// Patient Monitoring Form rules (REMS.md §1.5, R33–R41): due dates and which sessions need one.
import { addDays, daysBetween } from "@/lib/time/days";

export type PmfDueState = "open" | "due_soon" | "overdue";

/** R37: due = treatment date + 7 calendar days (site-local). Open to TD+4, due soon TD+5…TD+7, overdue from TD+8. */
export function pmfDueState(treatmentDate: string, today: string, dueDays = 7): { state: PmfDueState; dueDate: string; daysLeft: number } {
  const dueDate = addDays(treatmentDate, dueDays);
  const daysLeft = daysBetween(today, dueDate);
  const elapsed = daysBetween(treatmentDate, today);
  const state: PmfDueState = elapsed > dueDays ? "overdue" : elapsed >= dueDays - 2 ? "due_soon" : "open";
  return { state, dueDate, daysLeft };
}

/** R36: every outpatient session in which at least one device was given needs exactly one PMF. */
export const pmfRequired = (s: { settingType: "OUTPATIENT" | "INPATIENT"; devicesGiven: number; pmfRequiredByRems: boolean }) =>
  s.pmfRequiredByRems && s.settingType === "OUTPATIENT" && s.devicesGiven > 0;

/** Fields the form marks required (REMS.md §1.5 "Req." yes); address line 2 and middle initial are optional. */
export const PMF_REQUIRED_FIELDS = [
  "patient.firstName",
  "patient.lastName",
  "patient.birthDate",
  "patient.sex",
  "isFirstTreatment",
  "conmed.benzodiazepines",
  "conmed.nonBenzoSedativeHypnotics",
  "conmed.psychostimulants",
  "conmed.maois",
  "conmed.opioids",
  "monitoringHcp.firstName",
  "monitoringHcp.lastName",
  "monitoringHcp.telephone",
  "monitoringHcp.email",
  "site.name",
  "site.address1",
  "site.city",
  "site.state",
  "site.zip",
  "treatmentDate",
  "doseAdministered",
  "lotNumber",
  "totalMonitoringMinutes",
  "readyToLeaveMinutes",
  "vitalsAcceptablePreAdministration",
  "vitalsAcceptablePreCompletion",
  "bp.preAdministration",
  "bp.post40min",
  "bp.preCompletion",
  "sedation.occurred",
  "dissociation.occurred",
] as const;

/** R38 (and R40): may this PMF be marked submitted? Lists what is missing. */
export function pmfSubmittable(fields: Record<string, unknown>, sessionStatus: string): { ok: boolean; missing: string[] } {
  const missing: string[] = [];
  if (sessionStatus !== "DISCHARGED" && sessionStatus !== "EMERGENCY_TRANSFER") missing.push("session completed");
  for (const k of PMF_REQUIRED_FIELDS) if (fields[k] === null || fields[k] === undefined || fields[k] === "") missing.push(k);
  if (fields.isFirstTreatment === true && fields.isEnrolledInRems !== true) missing.push("isEnrolledInRems");
  return { ok: missing.length === 0, missing };
}
