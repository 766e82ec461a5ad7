// Code systems and codes of the FHIR export (../shared/domain/FHIR.md). Standard codes where one exists;
// otherwise a local CodeSystem under the project's own URI — never an invented LOINC code.
export const LOCAL_BASE = "https://esketamine-session-tracker.org/fhir";
export const LOCAL = {
  timepoint: `${LOCAL_BASE}/CodeSystem/vital-timepoint`,
  assessment: `${LOCAL_BASE}/CodeSystem/session-assessment`,
  adverseEventType: `${LOCAL_BASE}/CodeSystem/adverse-event-type`,
  decision: `${LOCAL_BASE}/CodeSystem/session-decision`,
  mrn: `${LOCAL_BASE}/sid/mrn`,
  remsSetting: `${LOCAL_BASE}/sid/rems-healthcare-setting`,
  siteCode: `${LOCAL_BASE}/sid/site-code`,
  remsReport: `${LOCAL_BASE}/sid/rems-adverse-event-report`,
  contentHash: `${LOCAL_BASE}/sid/signed-content-sha256`,
  questionnaire: `${LOCAL_BASE}/Questionnaire`,
} as const;

export const LOINC = "http://loinc.org";
export const UCUM = "http://unitsofmeasure.org";
export const NDC = "http://hl7.org/fhir/sid/ndc";
export const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
export const SNOMED = "http://snomed.info/sct";
export const OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
export const ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
export const PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
export const PROVENANCE_AGENT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
export const DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
export const SIGNATURE_TYPE = "urn:iso-astm:E1762-95:2013";
export const MED_ADMIN_FUNCTION = "http://terminology.hl7.org/CodeSystem/med-admin-perform-function";
export const AE_SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";
export const AE_OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";
export const DISCHARGE_DISPOSITION = "http://terminology.hl7.org/CodeSystem/discharge-disposition";

export const VITAL_LOINC = {
  bloodPressure: "85354-9",
  systolic: "8480-6",
  diastolic: "8462-4",
  heartRate: "8867-4",
  pulseOximetry: "59408-5",
  oxygenSaturation: "2708-6",
  respiratoryRate: "9279-1",
} as const;

/** The esketamine 28 mg device (FHIR.md): NDC of the device, RxNorm SCDF and SBDF. */
export const ESKETAMINE_DEVICE = { ndc: "50458-028-00", rxnormScdf: "2201623", rxnormSbdf: "2201625", doseMg: 28 } as const;
export const NASAL_ROUTE = { code: "46713006", display: "Nasal route" } as const;

/** PHQ-9: panel, total score and the nine item codes in the questionnaire's order. */
export const PHQ9 = {
  panel: "44249-1",
  total: "44261-6",
  items: ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"],
} as const;

export const TIMEPOINT = { PRE_DOSE: "pre-dose", POST_40: "40-minute", PRE_COMPLETION: "pre-discharge", EXTRA: "extra" } as const;
