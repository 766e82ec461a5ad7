// R3, R41: which adverse events carry a "reported to REMS" task, and which tasks are still open.
export type AeReportFacts = { serious: boolean; settingType: "OUTPATIENT" | "INPATIENT"; reportedToRemsAt: Date | null };

/** Outpatient: serious events (PMF row 33). Inpatient: every suspected adverse event (R3). */
export const needsRemsReport = (e: Pick<AeReportFacts, "serious" | "settingType">) => e.serious || e.settingType === "INPATIENT";

export const remsReportOpen = (e: AeReportFacts) => needsRemsReport(e) && !e.reportedToRemsAt;

/**
 * The reported date checked against the site's calendar: not after the site's today, not before the
 * site-local onset date. Returns the field message, or null when the date is possible.
 */
export function reportedDateProblem(reportedOn: string, onsetDate: string, siteToday: string): string | null {
  if (reportedOn > siteToday) return "This date is in the future";
  if (reportedOn < onsetDate) return `The event began on ${onsetDate}: it cannot have been reported before`;
  return null;
}
