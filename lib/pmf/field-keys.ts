// The PMF's field keys in form order (REMS.md §1.5): the CSV columns and the printable form's rows.
export const PMF_FIELD_KEYS = [
  "patient.firstName",
  "patient.middleInitial",
  "patient.lastName",
  "patient.birthDate",
  "patient.sex",
  "isFirstTreatment",
  "isEnrolledInRems",
  "conmed.benzodiazepines",
  "conmed.nonBenzoSedativeHypnotics",
  "conmed.psychostimulants",
  "conmed.maois",
  "conmed.opioids",
  "monitoringHcp.firstName",
  "monitoringHcp.lastName",
  "monitoringHcp.telephone",
  "monitoringHcp.email",
  "site.name",
  "site.address1",
  "site.address2",
  "site.city",
  "site.state",
  "site.zip",
  "treatmentDate",
  "doseAdministered",
  "lotNumber",
  "totalMonitoringMinutes",
  "readyToLeaveMinutes",
  "vitalsAcceptablePreAdministration",
  "vitalsAcceptablePreCompletion",
  "bp.preAdministration",
  "bp.post40min",
  "bp.preCompletion",
  "sedation.occurred",
  "sedation.resolvedBeforeCompletion",
  "dissociation.occurred",
  "dissociation.resolvedBeforeCompletion",
  "respiratoryDepression.occurred",
  "pulseOximetry.monitored",
  "seriousAdverseEvent.occurred",
  "protocolDeviations",
] as const;

type FieldKey = (typeof PMF_FIELD_KEYS)[number];

/** The printed form's sections and labels (REMS.md §1.5 wording, shortened for a page). */
export const PMF_SECTIONS: { title: string; fields: [FieldKey, string][] }[] = [
  {
    title: "Patient",
    fields: [
      ["patient.firstName", "First name"],
      ["patient.middleInitial", "MI"],
      ["patient.lastName", "Last name"],
      ["patient.birthDate", "Birthdate"],
      ["patient.sex", "Sex"],
      ["isFirstTreatment", "Is this the patient's first treatment?"],
      ["isEnrolledInRems", "Is the patient enrolled in the REMS?"],
    ],
  },
  {
    title: "Concomitant medication",
    fields: [
      ["conmed.benzodiazepines", "Benzodiazepines"],
      ["conmed.nonBenzoSedativeHypnotics", "Sedative hypnotics"],
      ["conmed.psychostimulants", "Psychostimulants"],
      ["conmed.maois", "Monoamine oxidase inhibitors"],
      ["conmed.opioids", "Opioids"],
    ],
  },
  {
    title: "Healthcare provider conducting monitoring",
    fields: [
      ["monitoringHcp.firstName", "First name"],
      ["monitoringHcp.lastName", "Last name"],
      ["monitoringHcp.telephone", "Telephone"],
      ["monitoringHcp.email", "Email"],
    ],
  },
  {
    title: "Healthcare setting",
    fields: [
      ["site.name", "Name"],
      ["site.address1", "Address"],
      ["site.address2", "Address 2"],
      ["site.city", "City"],
      ["site.state", "State"],
      ["site.zip", "ZIP"],
    ],
  },
  {
    title: "Treatment session",
    fields: [
      ["treatmentDate", "Treatment date"],
      ["doseAdministered", "Dose administered"],
      ["lotNumber", "Lot number"],
      ["totalMonitoringMinutes", "Total monitoring time from 1st device (minutes)"],
      ["readyToLeaveMinutes", "Ready to leave without the 2-hour minimum (minutes)"],
    ],
  },
  {
    title: "Vital signs and blood pressure",
    fields: [
      ["vitalsAcceptablePreAdministration", "Vital signs acceptable before administration?"],
      ["vitalsAcceptablePreCompletion", "Vital signs acceptable before completion?"],
      ["bp.preAdministration", "BP before administration"],
      ["bp.post40min", "BP 40 minutes after administration"],
      ["bp.preCompletion", "BP before completion"],
    ],
  },
  {
    title: "Adverse effects",
    fields: [
      ["sedation.occurred", "Sedation?"],
      ["sedation.resolvedBeforeCompletion", "Sedation resolved before completion?"],
      ["dissociation.occurred", "Dissociation?"],
      ["dissociation.resolvedBeforeCompletion", "Dissociation resolved before completion?"],
      ["respiratoryDepression.occurred", "Respiratory depression?"],
      ["pulseOximetry.monitored", "Monitored with pulse oximetry?"],
      ["seriousAdverseEvent.occurred", "Serious adverse event?"],
      ["protocolDeviations", "Protocol deviations"],
    ],
  },
];

export function displayValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (Array.isArray(v)) return v.length ? v.join("; ") : "None";
  return String(v);
}
