// The numeric REMS parameters with the clinic's names for them (form labels and the page's tables).
export const REMS_FIELDS = [
  ["minObservationMinutes", "Minimum observation (minutes)"],
  ["pmfDueDays", "PMF due within (days)"],
  ["deviceSpacingMinutes", "Between devices (minutes)"],
  ["fortyMinuteTargetMinutes", "Post-dose blood pressure at (minutes)"],
  ["fortyMinuteWindowStart", "… window from (minutes)"],
  ["fortyMinuteWindowEnd", "… window to (minutes)"],
  ["preDoseBpGateSystolic", "Pre-dose review above systolic"],
  ["preDoseBpGateDiastolic", "Pre-dose review above diastolic"],
  ["preCompletionBpWindowMinutes", "Blood pressure before discharge within (minutes)"],
] as const;
