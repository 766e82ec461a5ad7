// The PMF's field keys in form order (REMS.md §1.5): the CSV columns and the printable form's rows.
export const PMF_FIELD_KEYS = [
  "patient.firstName", "patient.middleInitial", "patient.lastName", "patient.birthDate", "patient.sex",
  "isFirstTreatment", "isEnrolledInRems",
  "conmed.benzodiazepines", "conmed.nonBenzoSedativeHypnotics", "conmed.psychostimulants", "conmed.maois", "conmed.opioids",
  "monitoringHcp.firstName", "monitoringHcp.lastName", "monitoringHcp.telephone", "monitoringHcp.email",
  "site.name", "site.address1", "site.address2", "site.city", "site.state", "site.zip",
  "treatmentDate", "doseAdministered", "lotNumber", "totalMonitoringMinutes", "readyToLeaveMinutes",
  "vitalsAcceptablePreAdministration", "vitalsAcceptablePreCompletion",
  "bp.preAdministration", "bp.post40min", "bp.preCompletion",
  "sedation.occurred", "sedation.resolvedBeforeCompletion", "dissociation.occurred", "dissociation.resolvedBeforeCompletion",
  "respiratoryDepression.occurred", "pulseOximetry.monitored", "seriousAdverseEvent.occurred", "protocolDeviations",
] as const;
