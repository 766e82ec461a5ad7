// A complete session DTO for unit tests of the mapping: every kind of entry, one of each kind entered in error.
import type { FhirSessionDto } from "../session-dto";

const t = (m: number) => new Date(Date.UTC(2026, 2, 10, 14, 0) + m * 60_000);

export function sessionDto(over: Partial<FhirSessionDto> = {}): FhirSessionDto {
  return {
    id: "sess1", status: "DISCHARGED", checkedInAt: t(-30), endOfMonitoringAt: t(125), plannedDoseMg: 56,
    site: { id: "site1", code: "OUT-A", name: "Riverside Outpatient Clinic", remsSettingId: "HCS-1001", address1: "1 Main St", address2: null, city: "Hudson", state: "NY", zip: "12534", phone: "518-555-0100" },
    patient: { id: "pat1", mrn: "MRN-1", firstName: "Ana", lastName: "Lopez", birthDate: "1980-04-02", sex: "FEMALE" },
    prescriberId: "psych1", monitoringHcpId: "nurse1",
    people: [{ id: "psych1", firstName: "Priya", lastName: "Shah", role: "PSYCHIATRIST" }, { id: "nurse1", firstName: "Nora", lastName: "Reed", role: "NURSE" }],
    devices: [
      { id: "dev1", sequence: 1, administeredAt: t(0), recordedById: "nurse1", ndc: "50458-028-02", lotNumber: "24A118", expiresOn: "2027-06-30", serial: "S1", enteredInError: false },
      { id: "dev2", sequence: 2, administeredAt: t(5), recordedById: "nurse1", ndc: "50458-028-02", lotNumber: "24A118", expiresOn: "2027-06-30", serial: "S2", enteredInError: true },
    ],
    vitals: [
      { id: "v1", takenAt: t(-10), kind: "PRE_DOSE", systolic: 128, diastolic: 80, heartRate: 76, spo2: 98, respiratoryRate: 14, recordedById: "nurse1", enteredInError: false },
      { id: "v2", takenAt: t(40), kind: "POST_40", systolic: 146, diastolic: 88, heartRate: 80, spo2: 97, respiratoryRate: null, recordedById: "nurse1", enteredInError: false },
      { id: "v3", takenAt: t(60), kind: "EXTRA", systolic: 210, diastolic: 95, heartRate: null, spo2: null, respiratoryRate: null, recordedById: "nurse1", enteredInError: true },
      { id: "v4", takenAt: t(115), kind: "PRE_COMPLETION", systolic: 126, diastolic: 80, heartRate: 72, spo2: 98, respiratoryRate: 16, recordedById: "nurse1", enteredInError: false },
    ],
    sedation: [{ id: "s1", takenAt: t(40), moaas: 4, recordedById: "nurse1", enteredInError: false }],
    dissociation: [
      { id: "x1", takenAt: t(40), present: true, scale: "CADSS6", itemScores: [1, 0, 2, 0, 1, 0], total: 4, recordedById: "nurse1", enteredInError: false },
      { id: "x2", takenAt: t(115), present: false, scale: "NONE", itemScores: [], total: null, recordedById: "nurse1", enteredInError: false },
    ],
    outcomes: [
      { id: "o1", instrument: "PHQ9", itemScores: [2, 2, 1, 2, 1, 1, 2, 1, 0], total: 12, takenAt: t(-20), recordedById: "nurse1", enteredInError: false },
      { id: "o2", instrument: "MADRS", itemScores: [3, 3, 2, 4, 2, 3, 3, 2, 2, 0], total: 24, takenAt: t(-20), recordedById: "psych1", enteredInError: true },
    ],
    adverseEvents: [{ id: "ae1", type: "HYPERTENSION", description: "BP 182/100 at 40 minutes", serious: false, onsetAt: t(40), resolvedAt: t(90), outcome: "Settled", remsReference: "REMS-77", recordedById: "nurse1", createdAt: t(41) }],
    decisions: [{ id: "g1", rule: "R11", decision: "PROCEED", reason: "Repeat BP acceptable", prescriberId: "psych1", decidedAt: t(-5) }],
    discharge: { id: "dis1", outcome: "DISCHARGED", decidedAt: t(125), hcpId: "nurse1", receivingService: null },
    signature: { id: "sig1", signerId: "psych1", printedName: "Priya Shah", meaning: "REVIEWED", signedAt: t(300), contentHash: "ab".repeat(32) },
    amendments: [{ id: "am1", entryKind: "vital", entryId: "v1", correction: "Systolic was 138", reason: "Transcription error", authorId: "psych1", amendedAt: t(400) }],
    ...over,
  };
}
