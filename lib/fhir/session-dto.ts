// What one session's FHIR Bundle is made from: a plain DTO loaded by lib/fhir/data.ts (no Prisma types here,
// so the mapping in bundle.ts stays a pure function that unit tests can feed directly).
export type Person = { id: string; firstName: string; lastName: string; role: string };
export type Timed = { id: string; enteredInError: boolean };

export type FhirSessionDto = {
  id: string;
  status: string; // SessionStatus
  checkedInAt: Date | null;
  endOfMonitoringAt: Date | null;
  plannedDoseMg: number | null;
  site: {
    id: string;
    code: string;
    name: string;
    remsSettingId: string | null;
    address1: string;
    address2: string | null;
    city: string;
    state: string;
    zip: string;
    phone: string | null;
  };
  patient: { id: string; mrn: string; firstName: string; lastName: string; birthDate: string; sex: "MALE" | "FEMALE" | "OTHER" };
  prescriberId: string | null;
  monitoringHcpId: string | null;
  people: Person[];
  devices: (Timed & { sequence: number; administeredAt: Date; recordedById: string; ndc: string; lotNumber: string; expiresOn: string; serial: string })[];
  vitals: (Timed & {
    takenAt: Date;
    kind: "PRE_DOSE" | "POST_40" | "EXTRA" | "PRE_COMPLETION";
    systolic: number | null;
    diastolic: number | null;
    heartRate: number | null;
    spo2: number | null;
    respiratoryRate: number | null;
    recordedById: string;
  })[];
  sedation: (Timed & { takenAt: Date; moaas: number; recordedById: string })[];
  dissociation: (Timed & {
    takenAt: Date;
    present: boolean;
    scale: "NONE" | "CADSS" | "CADSS6";
    itemScores: number[];
    total: number | null;
    recordedById: string;
  })[];
  outcomes: (Timed & { instrument: "PHQ9" | "MADRS" | "CSSRS"; itemScores: number[]; total: number; takenAt: Date; recordedById: string })[];
  adverseEvents: {
    id: string;
    type: string;
    description: string;
    serious: boolean;
    onsetAt: Date;
    resolvedAt: Date | null;
    outcome: string | null;
    remsReference: string | null;
    recordedById: string;
    createdAt: Date;
  }[];
  decisions: { id: string; rule: string; decision: "PROCEED" | "DELAY"; reason: string; prescriberId: string; decidedAt: Date }[];
  discharge: { id: string; outcome: "DISCHARGED" | "EMERGENCY_TRANSFER"; decidedAt: Date; hcpId: string; receivingService: string | null } | null;
  signature: { id: string; signerId: string; printedName: string; meaning: "REVIEWED" | "APPROVED_DISCHARGE"; signedAt: Date; contentHash: string } | null;
  amendments: { id: string; entryKind: string | null; entryId: string | null; correction: string; reason: string; authorId: string; amendedAt: Date }[];
};
