// The chair-side commands, one file per step of the session. Routes and the seed import from here.
export { sessionSite } from "./shared";
export { checkIn } from "./check-in";
export { saveChecklist, setDose } from "./pre-dose";
export { recordDevice } from "./devices";
export { recordVital, recordSedation, recordDissociation, recordHypertensiveCrisis } from "./observation";
export { recordAdverseEvent, resolveAdverseEvent, updateAdverseEvent } from "./adverse-events";
export { decideGate } from "./gate-decisions";
export { discharge, emergencyTransfer } from "./discharge";
export { correctDose, markEnteredInError, type EntryKind } from "./corrections";
export { endNotDosed } from "./not-dosed";
export { designateFortyMinute } from "./forty-minute";
export { recordPreCompletion } from "./pre-completion";
export { recordSessionDeviation } from "./deviations";
