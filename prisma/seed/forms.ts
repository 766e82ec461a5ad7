// Patient Monitoring Forms: discharge makes each completed outpatient session's form (lib/pmf, as in the
// app). Forms older than 10 days were submitted online within the 7 days, by the administrator on the
// worklist; the rest stay unsubmitted (Jordan Kim's 9-day-old one is therefore overdue).
import type { Clinic } from "./clinic";
import { rngFor } from "./random";
import type { Followups } from "./replay";
import type { PlannedSession } from "./sessions";
import { addDays, clock, daysBetween, siteDay, zonedInstant } from "./time";

export const SUBMITTED_AFTER_DAYS = 10;

export function planPmfSubmissions(clinic: Clinic, sessions: PlannedSession[], now: Date): Followups["pmfSubmissions"] {
  const r = rngFor("pmf");
  const used = new Set<string>();
  const out: Followups["pmfSubmissions"] = [];
  for (const s of sessions.filter((x) => x.end && x.site.settingType === "OUTPATIENT")) {
    const age = daysBetween(s.treatmentDate, siteDay(now, s.site.timeZone));
    if (age <= SUBMITTED_AFTER_DAYS) continue;
    let confirmation: string;
    do confirmation = `PMF-${r.int(10000, 99999)}`;
    while (used.has(confirmation));
    used.add(confirmation);
    const at = zonedInstant(addDays(s.treatmentDate, r.int(1, 3)), clock("14:00") + r.int(0, 150), s.site.timeZone);
    out.push({ sessionId: s.id, at, byId: clinic.staff.adam.id, channel: "ONLINE", confirmation });
  }
  return out;
}
