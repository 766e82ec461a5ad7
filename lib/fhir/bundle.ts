// One session → one FHIR R4 Bundle (type collection). Pure: the DTO in, the Bundle out; no I/O, no clock.
// Mapping and the reasons for it: ../shared/domain/FHIR.md and docs/decisions.md ("FHIR export").
import { createHash } from "node:crypto";
import type {
  AdverseEvent,
  Bundle,
  BundleEntry,
  CodeableConcept,
  Encounter,
  Location,
  MedicationAdministration,
  Observation,
  ObservationComponent,
  Organization,
  Patient,
  Practitioner,
  Provenance,
  QuestionnaireResponse,
  Quantity,
  Reference,
  Resource,
} from "@medplum/fhirtypes";
import {
  ACT_CODE,
  AE_OUTCOME,
  AE_SERIOUSNESS,
  DATA_OPERATION,
  DISCHARGE_DISPOSITION,
  ESKETAMINE_DEVICE,
  LOCAL,
  LOINC,
  MED_ADMIN_FUNCTION,
  NASAL_ROUTE,
  NDC,
  OBS_CATEGORY,
  PARTICIPATION,
  PHQ9,
  PROVENANCE_AGENT,
  RXNORM,
  SIGNATURE_TYPE,
  SNOMED,
  TIMEPOINT,
  UCUM,
  VITAL_LOINC,
} from "./codes";
import type { FhirSessionDto, Person } from "./session-dto";

/** A stable UUID for a row (and, when one row gives several resources, a facet of it): same row, same id, every export. */
export function stableId(kind: string, rowId: string): string {
  const h = createHash("sha256").update(`esketamine-session-tracker:${kind}:${rowId}`).digest("hex");
  // Shaped as a version-5-style UUID (name-based), variant RFC 4122.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const iso = (d: Date) => d.toISOString();
const ref = <T extends Resource>(r: T): Reference<T> => ({ reference: `urn:uuid:${r.id}` });
const cc = (system: string, code: string, display?: string): CodeableConcept => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
  ...(display ? { text: display } : {}),
});
const ucum = (value: number, code: string, unit = code): Quantity => ({ value, unit, system: UCUM, code });
const obsStatus = (inError: boolean) => (inError ? "entered-in-error" : "final") as Observation["status"];
const VITAL_CATEGORY: CodeableConcept = { coding: [{ system: OBS_CATEGORY, code: "vital-signs", display: "Vital Signs" }], text: "Vital Signs" };
const EXAM_CATEGORY: CodeableConcept = { coding: [{ system: OBS_CATEGORY, code: "exam", display: "Exam" }] };
const SURVEY_CATEGORY: CodeableConcept = { coding: [{ system: OBS_CATEGORY, code: "survey", display: "Survey" }] };
const US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition";
export const VITAL_PROFILES = {
  bp: `${US_CORE}/us-core-blood-pressure`,
  hr: `${US_CORE}/us-core-heart-rate`,
  spo2: `${US_CORE}/us-core-pulse-oximetry`,
  rr: `${US_CORE}/us-core-respiratory-rate`,
} as const;
const TIMEPOINT_DISPLAY: Record<string, string> = {
  "pre-dose": "Pre-dose",
  "40-minute": "40 minutes after the first device",
  "pre-discharge": "Before discharge",
  extra: "Additional reading",
};
const INSTRUMENT_NAME = { PHQ9: "PHQ-9", MADRS: "MADRS", CSSRS: "C-SSRS screener" } as const;
const AE_TYPE_DISPLAY: Record<string, string> = {
  SEDATION: "Sedation",
  DISSOCIATION: "Dissociation",
  RESPIRATORY_DEPRESSION: "Respiratory depression",
  HYPERTENSION: "Hypertension",
  OTHER: "Other",
};

function encounterStatus(status: string): Encounter["status"] {
  if (status === "SCHEDULED") return "planned";
  if (status === "CHECKED_IN") return "arrived";
  if (status === "DOSING" || status === "MONITORING") return "in-progress";
  if (status === "CANCELLED" || status === "RESCHEDULED") return "cancelled";
  return "finished"; // DISCHARGED, EMERGENCY_TRANSFER, NOT_DOSED
}

/** The FHIR resources of one session, in a stable order. */
export function sessionResources(s: FhirSessionDto): Resource[] {
  const out: Resource[] = [];
  const patient: Patient = {
    resourceType: "Patient",
    id: stableId("Patient", s.patient.id),
    meta: { profile: ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"] },
    identifier: [
      {
        use: "usual",
        type: cc("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number"),
        system: `${LOCAL.mrn}/${s.site.code}`,
        value: s.patient.mrn,
      },
    ],
    name: [{ family: s.patient.lastName, given: [s.patient.firstName] }],
    gender: s.patient.sex === "MALE" ? "male" : s.patient.sex === "FEMALE" ? "female" : "other",
    birthDate: s.patient.birthDate,
  };
  const address = [{ line: [s.site.address1, ...(s.site.address2 ? [s.site.address2] : [])], city: s.site.city, state: s.site.state, postalCode: s.site.zip }];
  const organization: Organization = {
    resourceType: "Organization",
    id: stableId("Organization", s.site.id),
    active: true,
    name: s.site.name,
    identifier: [{ system: LOCAL.siteCode, value: s.site.code }, ...(s.site.remsSettingId ? [{ system: LOCAL.remsSetting, value: s.site.remsSettingId }] : [])],
    address,
    ...(s.site.phone ? { telecom: [{ system: "phone" as const, value: s.site.phone }] } : {}),
  };
  const location: Location = {
    resourceType: "Location",
    id: stableId("Location", s.site.id),
    status: "active",
    name: s.site.name,
    address: address[0],
    managingOrganization: ref(organization),
  };
  out.push(patient, organization, location);

  const practitioners = new Map<string, Practitioner>();
  const person = (id: string): Reference<Practitioner> => {
    let p = practitioners.get(id);
    if (!p) {
      const u: Person = s.people.find((x) => x.id === id) ?? { id, firstName: "Unknown", lastName: "Unknown", role: "" };
      p = { resourceType: "Practitioner", id: stableId("Practitioner", id), active: true, name: [{ family: u.lastName, given: [u.firstName] }] };
      practitioners.set(id, p);
    }
    return {
      ...ref(p),
      display: `${s.people.find((x) => x.id === id)?.firstName ?? ""} ${s.people.find((x) => x.id === id)?.lastName ?? ""}`.trim() || undefined,
    };
  };
  const subject = ref(patient);

  const participant: Encounter["participant"] = [];
  if (s.prescriberId) participant.push({ type: [cc(PARTICIPATION, "ATND", "attender")], individual: person(s.prescriberId) });
  if (s.monitoringHcpId) participant.push({ type: [cc(PARTICIPATION, "PART", "Participation")], individual: person(s.monitoringHcpId) });
  const encounter: Encounter = {
    resourceType: "Encounter",
    id: stableId("Encounter", s.id),
    status: encounterStatus(s.status),
    class: { system: ACT_CODE, code: "AMB", display: "ambulatory" },
    type: [{ text: "Esketamine nasal spray session with post-dose monitoring" }],
    subject,
    participant,
    ...(s.checkedInAt ? { period: { start: iso(s.checkedInAt), ...(s.endOfMonitoringAt ? { end: iso(s.endOfMonitoringAt) } : {}) } } : {}),
    location: [{ location: ref(location) }],
    serviceProvider: ref(organization),
    ...(s.discharge
      ? {
          hospitalization: {
            dischargeDisposition:
              s.discharge.outcome === "DISCHARGED"
                ? cc(DISCHARGE_DISPOSITION, "home", "Home")
                : {
                    ...cc(DISCHARGE_DISPOSITION, "other-hcf", "Other healthcare facility"),
                    text: `Emergency transfer${s.discharge.receivingService ? `: ${s.discharge.receivingService}` : ""}`,
                  },
          },
        }
      : {}),
  };
  const context = ref(encounter);
  out.push(encounter);

  // Devices: the patient self-administers under the nurse's watch (performer = Patient; the nurse as witness).
  const administrations = s.devices.map(
    (d): MedicationAdministration => ({
      resourceType: "MedicationAdministration",
      id: stableId("MedicationAdministration", d.id),
      contained: [
        {
          resourceType: "Medication",
          id: "device",
          code: {
            coding: [
              { system: NDC, code: ESKETAMINE_DEVICE.ndc, display: "Spravato 28 mg nasal spray device" },
              { system: RXNORM, code: ESKETAMINE_DEVICE.rxnormScdf, display: "esketamine Nasal Spray" },
              { system: RXNORM, code: ESKETAMINE_DEVICE.rxnormSbdf, display: "Spravato Nasal Spray" },
            ],
            text: "Esketamine 28 mg nasal spray device",
          },
          batch: { lotNumber: d.lotNumber, expirationDate: d.expiresOn },
        },
      ],
      identifier: [{ system: `${LOCAL.siteCode}/${s.site.code}/device-serial`, value: d.serial }],
      status: d.enteredInError ? "entered-in-error" : "completed",
      medicationReference: { reference: "#device" },
      subject,
      context,
      effectiveDateTime: iso(d.administeredAt),
      performer: [{ actor: subject }, { function: cc(MED_ADMIN_FUNCTION, "witness", "Witness"), actor: person(d.recordedById) }],
      dosage: { text: `Device ${d.sequence}: 28 mg`, route: cc(SNOMED, NASAL_ROUTE.code, NASAL_ROUTE.display), dose: ucum(ESKETAMINE_DEVICE.doseMg, "mg") },
    }),
  );
  out.push(...administrations);

  // Vital signs: one row (one moment) gives up to four Observations, each on its US Core profile.
  for (const v of s.vitals) {
    const tp = TIMEPOINT[v.kind];
    const base = {
      resourceType: "Observation" as const,
      status: obsStatus(v.enteredInError),
      category: [VITAL_CATEGORY, { coding: [{ system: LOCAL.timepoint, code: tp, display: TIMEPOINT_DISPLAY[tp] }] }],
      subject,
      encounter: context,
      effectiveDateTime: iso(v.takenAt),
      performer: [person(v.recordedById)],
    };
    if (v.systolic !== null && v.diastolic !== null) {
      const component: ObservationComponent[] = [
        { code: cc(LOINC, VITAL_LOINC.systolic, "Systolic blood pressure"), valueQuantity: ucum(v.systolic, "mm[Hg]", "mmHg") },
        { code: cc(LOINC, VITAL_LOINC.diastolic, "Diastolic blood pressure"), valueQuantity: ucum(v.diastolic, "mm[Hg]", "mmHg") },
      ];
      out.push({
        ...base,
        id: stableId("Observation/bp", v.id),
        meta: { profile: [VITAL_PROFILES.bp] },
        code: cc(LOINC, VITAL_LOINC.bloodPressure, "Blood pressure panel with all children optional"),
        component,
      });
    }
    if (v.heartRate !== null)
      out.push({
        ...base,
        id: stableId("Observation/hr", v.id),
        meta: { profile: [VITAL_PROFILES.hr] },
        code: cc(LOINC, VITAL_LOINC.heartRate, "Heart rate"),
        valueQuantity: ucum(v.heartRate, "/min", "beats/minute"),
      });
    if (v.spo2 !== null)
      out.push({
        ...base,
        id: stableId("Observation/spo2", v.id),
        meta: { profile: [VITAL_PROFILES.spo2] },
        code: {
          coding: [
            { system: LOINC, code: VITAL_LOINC.pulseOximetry, display: "Oxygen saturation in Arterial blood by Pulse oximetry" },
            { system: LOINC, code: VITAL_LOINC.oxygenSaturation, display: "Oxygen saturation in Arterial blood" },
          ],
          text: "SpO2",
        },
        valueQuantity: ucum(v.spo2, "%"),
      });
    if (v.respiratoryRate !== null)
      out.push({
        ...base,
        id: stableId("Observation/rr", v.id),
        meta: { profile: [VITAL_PROFILES.rr] },
        code: cc(LOINC, VITAL_LOINC.respiratoryRate, "Respiratory rate"),
        valueQuantity: ucum(v.respiratoryRate, "/min", "breaths/minute"),
      });
  }

  // MOAA/S, dissociation, CADSS: no LOINC code confirmed → the local CodeSystem (category exam).
  for (const x of s.sedation)
    out.push({
      resourceType: "Observation",
      id: stableId("Observation/moaas", x.id),
      status: obsStatus(x.enteredInError),
      category: [EXAM_CATEGORY],
      code: cc(LOCAL.assessment, "moaas", "Modified Observer's Assessment of Alertness/Sedation (MOAA/S)"),
      subject,
      encounter: context,
      effectiveDateTime: iso(x.takenAt),
      performer: [person(x.recordedById)],
      valueInteger: x.moaas,
    } satisfies Observation);
  for (const x of s.dissociation) {
    const scale = x.scale === "CADSS" ? "cadss" : x.scale === "CADSS6" ? "cadss-6" : null;
    const component: ObservationComponent[] = scale
      ? [
          ...(x.total !== null ? [{ code: cc(LOCAL.assessment, `${scale}-total`, `${scale.toUpperCase()} total score`), valueInteger: x.total }] : []),
          ...x.itemScores.map((score, i) => ({
            code: cc(LOCAL.assessment, `${scale}-item-${i + 1}`, `${scale.toUpperCase()} item ${i + 1}`),
            valueInteger: score,
          })),
        ]
      : [];
    out.push({
      resourceType: "Observation",
      id: stableId("Observation/dissociation", x.id),
      status: obsStatus(x.enteredInError),
      category: [EXAM_CATEGORY],
      code: cc(LOCAL.assessment, "dissociation", "Dissociation present"),
      subject,
      encounter: context,
      effectiveDateTime: iso(x.takenAt),
      performer: [person(x.recordedById)],
      valueBoolean: x.present,
      ...(component.length ? { component } : {}),
    } satisfies Observation);
  }

  // Outcome measures taken at the session: PHQ-9 on its LOINC panel (total as an Observation), MADRS and C-SSRS on local questionnaires.
  for (const o of s.outcomes) {
    const phq = o.instrument === "PHQ9";
    const questionnaire = phq ? `http://loinc.org/q/${PHQ9.panel}` : `${LOCAL.questionnaire}/${o.instrument.toLowerCase()}`;
    const qr: QuestionnaireResponse = {
      resourceType: "QuestionnaireResponse",
      id: stableId("QuestionnaireResponse", o.id),
      questionnaire,
      status: o.enteredInError ? "entered-in-error" : "completed",
      subject,
      encounter: context,
      authored: iso(o.takenAt),
      author: person(o.recordedById),
      item: o.itemScores.map((score, i) => ({
        linkId: phq ? PHQ9.items[i] : `item-${i + 1}`,
        text: `${INSTRUMENT_NAME[o.instrument]} item ${i + 1}`,
        answer: [{ valueInteger: score }],
      })),
    };
    const totalCode = phq
      ? cc(LOINC, PHQ9.total, "PHQ-9 total score")
      : cc(LOCAL.assessment, `${o.instrument.toLowerCase()}-total`, `${INSTRUMENT_NAME[o.instrument]} total score`);
    out.push(qr, {
      resourceType: "Observation",
      id: stableId("Observation/outcome-total", o.id),
      status: obsStatus(o.enteredInError),
      category: [SURVEY_CATEGORY],
      code: totalCode,
      subject,
      encounter: context,
      effectiveDateTime: iso(o.takenAt),
      performer: [person(o.recordedById)],
      valueInteger: o.total,
      derivedFrom: [ref(qr)],
    } satisfies Observation);
  }

  for (const e of s.adverseEvents)
    out.push({
      resourceType: "AdverseEvent",
      id: stableId("AdverseEvent", e.id),
      actuality: "actual",
      ...(e.remsReference ? { identifier: { system: LOCAL.remsReport, value: e.remsReference } } : {}),
      event: { ...cc(LOCAL.adverseEventType, e.type.toLowerCase().replace(/_/g, "-"), AE_TYPE_DISPLAY[e.type] ?? e.type), text: e.description },
      subject,
      encounter: context,
      date: iso(e.onsetAt),
      recordedDate: iso(e.createdAt),
      recorder: person(e.recordedById),
      seriousness: e.serious ? cc(AE_SERIOUSNESS, "serious", "Serious") : cc(AE_SERIOUSNESS, "non-serious", "Non-serious"),
      outcome: e.resolvedAt ? cc(AE_OUTCOME, "resolved", "Resolved") : cc(AE_OUTCOME, "ongoing", "Ongoing"),
      ...(administrations.length ? { suspectEntity: administrations.filter((a) => a.status !== "entered-in-error").map((a) => ({ instance: ref(a) })) } : {}),
    } satisfies AdverseEvent);

  // Decisions, signatures and amendments are provenance of the record (FHIR.md): who decided what, when, why.
  const recordedTargets: Reference[] = [context, ...administrations.map(ref)];
  for (const g of s.decisions)
    out.push({
      resourceType: "Provenance",
      id: stableId("Provenance/gate", g.id),
      target: [context],
      recorded: iso(g.decidedAt),
      activity: cc(
        LOCAL.decision,
        g.decision === "PROCEED" ? "gate-proceed" : "gate-delay",
        g.decision === "PROCEED" ? `GATE ${g.rule}: proceed` : `GATE ${g.rule}: delay`,
      ),
      reason: [{ text: g.reason }],
      agent: [{ type: cc(PROVENANCE_AGENT, "verifier", "Verifier"), who: person(g.prescriberId) }],
    } satisfies Provenance);
  if (s.discharge)
    out.push({
      resourceType: "Provenance",
      id: stableId("Provenance/discharge", s.discharge.id),
      target: [context],
      recorded: iso(s.discharge.decidedAt),
      activity: cc(
        LOCAL.decision,
        s.discharge.outcome === "DISCHARGED" ? "discharge" : "emergency-transfer",
        s.discharge.outcome === "DISCHARGED" ? "Discharged after monitoring" : "Emergency transfer",
      ),
      agent: [{ type: cc(PROVENANCE_AGENT, "author", "Author"), who: person(s.discharge.hcpId) }],
    } satisfies Provenance);
  if (s.signature) {
    const sig = s.signature;
    out.push({
      resourceType: "Provenance",
      id: stableId("Provenance/signature", sig.id),
      target: recordedTargets,
      recorded: iso(sig.signedAt),
      activity: cc(
        LOCAL.decision,
        sig.meaning === "REVIEWED" ? "signed-reviewed" : "signed-approved-discharge",
        sig.meaning === "REVIEWED" ? "Reviewed" : "Approved discharge",
      ),
      agent: [{ type: cc(PROVENANCE_AGENT, "verifier", "Verifier"), who: person(sig.signerId) }],
      entity: [
        { role: "source", what: { identifier: { system: LOCAL.contentHash, value: sig.contentHash }, display: "SHA-256 of the signed session content" } },
      ],
      signature: [
        {
          type: [
            {
              system: SIGNATURE_TYPE,
              code: sig.meaning === "REVIEWED" ? "1.2.840.10065.1.12.1.5" : "1.2.840.10065.1.12.1.6",
              display: sig.meaning === "REVIEWED" ? "Verification Signature" : "Validation Signature",
            },
          ],
          when: iso(sig.signedAt),
          who: { ...person(sig.signerId), display: sig.printedName },
        },
      ],
    } satisfies Provenance);
  }
  for (const a of s.amendments)
    out.push({
      resourceType: "Provenance",
      id: stableId("Provenance/amendment", a.id),
      target: [context],
      recorded: iso(a.amendedAt),
      activity: cc(DATA_OPERATION, "UPDATE", "revise"),
      reason: [{ text: a.reason }],
      agent: [{ type: cc(PROVENANCE_AGENT, "author", "Author"), who: person(a.authorId) }],
      entity: [{ role: "revision", what: { display: `${a.entryKind ?? "session"}${a.entryId ? ` ${a.entryId}` : ""}: ${a.correction}` } }],
    } satisfies Provenance);

  out.splice(3, 0, ...practitioners.values());
  return out;
}

/** The session's Bundle (type collection, urn:uuid fullUrls). */
export function sessionBundle(s: FhirSessionDto): Bundle {
  const entry: BundleEntry[] = sessionResources(s).map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource }));
  return { resourceType: "Bundle", id: stableId("Bundle", s.id), type: "collection", entry };
}
