// Patient Monitoring Form rules (REMS.md §1.5, R33–R41): due dates and which sessions need one.
import { addDays, daysBetween } from "@/lib/sessions/local-time";

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
