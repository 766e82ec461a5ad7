// REMS parameters are data with an effective date (R45): rules receive the set in force at the
// instant concerned instead of reading constants.
export type RemsParameters = {
  effectiveFrom: Date;
  minObservationMinutes: number;
  pmfRequired: boolean;
  pmfDueDays: number;
  pmfFormVersion: string;
  enrollmentGateEnabled: boolean;
  pulseOximetryRequired: boolean;
  deviceSpacingMinutes: number;
  fortyMinuteTargetMinutes: number;
  fortyMinuteWindowStart: number;
  fortyMinuteWindowEnd: number;
  preDoseBpGateSystolic: number;
  preDoseBpGateDiastolic: number;
  preCompletionBpWindowMinutes: number;
};

/** The set whose effectiveFrom is the latest at or before `at`; throws when none applies (misconfiguration). */
export function parametersAt<P extends { effectiveFrom: Date }>(sets: P[], at: Date): P {
  let best: P | undefined;
  for (const s of sets) if (s.effectiveFrom.getTime() <= at.getTime() && (!best || s.effectiveFrom > best.effectiveFrom)) best = s;
  if (!best) throw new Error(`No REMS parameter set is in force at ${at.toISOString()}`);
  return best;
}
