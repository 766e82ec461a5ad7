// The chair-side commands, one file per step of the session. Routes and the seed import from here.
export { sessionSite } from "./shared";
export { checkIn } from "./check-in";
export { saveChecklist, setDose } from "./pre-dose";
export { recordDevice } from "./devices";
export { recordVital, recordSedation, recordDissociation, recordHypertensiveCrisis } from "./observation";
export { recordAdverseEvent, resolveAdverseEvent } from "./adverse-events";
export { decideGate } from "./gate-decisions";
export { discharge, emergencyTransfer } from "./discharge";
export { markEnteredInError, type EntryKind } from "./corrections";
export { recordPreCompletion } from "./pre-completion";
export { recordSessionDeviation } from "./deviations";
