// R39: every PMF field is derived from the session's own data, never re-typed.
// Keys follow REMS.md §1.5; the form version is stored with the form (R45).
import { wholeMinutes } from "@/lib/rems/rule-result";
import { byTime, firstDeviceAt, live, type SessionFacts } from "@/lib/sessions/facts";
import { siteDay } from "@/lib/time/days";
import { fortyMinuteReading, sedationOccurred, dissociationOccurred } from "@/lib/sessions/observation-rules";
import { latestPreDoseBp } from "@/lib/sessions/predose-rules";
import { conmedAnswersFromClasses, pmfConmedAnswer } from "@/lib/patients/medication-rules";

export type PmfSource = {
  facts: SessionFacts;
  patient: { firstName: string; middleInitial: string | null; lastName: string; birthDate: string; sex: "MALE" | "FEMALE" | "OTHER" };
  monitoringHcp: { firstName: string; lastName: string; telephone: string | null; email: string } | null;
  site: { name: string; address1: string; address2: string | null; city: string; state: string; zip: string };
  endOfMonitoringAt: Date;
  discharge: { readyToLeaveMinutes: number | null; vitalsAcceptablePreAdministration: boolean | null; vitalsAcceptablePreCompletion: boolean | null };
  adverseEvents: { type: string; serious: boolean; resolvedAt: Date | null }[];
  /** ProtocolDeviation rows (rule-found at discharge, recorded with a reason, late entries). Absent: derived from the readings. */
  deviations?: { code: string; description: string; reason: string | null }[];
};

/** How a deviation row reads on the form and in the reports: a late entry or a clinician's record carries its reason. */
export function deviationText(d: { code: string; description: string; reason: string | null }): string {
  if (d.code === "R49_LATE_ENTRY") return `Late entry: ${d.description}${d.reason ? ` — reason: ${d.reason}` : ""}`;
  return d.reason ? `${d.description} — reason: ${d.reason}` : d.description;
}

const bp = (v: { systolic: number | null; diastolic: number | null } | null | undefined) => (v && v.systolic != null ? `${v.systolic}/${v.diastolic}` : null);
const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

export function pmfFields(src: PmfSource) {
  const f = src.facts;
  const t0 = firstDeviceAt(f.devices);
  const devices = live(f.devices).sort((a, b) => a.sequence - b.sequence);
  const forty = t0 ? fortyMinuteReading(f.vitals, t0, f.params, src.endOfMonitoringAt) : null;
  const postDose = byTime(live(f.vitals)).filter((v) => t0 && v.takenAt >= t0 && v.systolic != null && v.takenAt <= src.endOfMonitoringAt);
  const c = f.checklist;
  const lots = [...new Set(devices.map((d) => d.lotNumber))];
  const dose = f.plannedDoseMg;
  const aeOf = (type: string) => src.adverseEvents.filter((a) => a.type === type);
  // Rows 8–12: the nurse's answers of the day (R16), and a "yes" wherever the list in force on the session date has the class.
  const list = conmedAnswersFromClasses(f.patient.medicationClasses);
  return {
    "patient.firstName": src.patient.firstName,
    "patient.middleInitial": src.patient.middleInitial ?? "",
    "patient.lastName": src.patient.lastName,
    "patient.birthDate": usDate(src.patient.birthDate),
    "patient.sex": { MALE: "Male", FEMALE: "Female", OTHER: "Other" }[src.patient.sex],
    isFirstTreatment: f.patient.priorDosedSessions.length === 0,
    isEnrolledInRems: !!f.patient.enrollment?.submittedAt,
    "conmed.benzodiazepines": pmfConmedAnswer(c?.conmedBenzodiazepines ?? null, list.conmedBenzodiazepines),
    "conmed.nonBenzoSedativeHypnotics": pmfConmedAnswer(c?.conmedSedativeHypnotics ?? null, list.conmedSedativeHypnotics),
    "conmed.psychostimulants": pmfConmedAnswer(c?.conmedPsychostimulants ?? null, list.conmedPsychostimulants),
    "conmed.maois": pmfConmedAnswer(c?.conmedMaois ?? null, list.conmedMaois),
    "conmed.opioids": pmfConmedAnswer(c?.conmedOpioids ?? null, list.conmedOpioids),
    "monitoringHcp.firstName": src.monitoringHcp?.firstName ?? "",
    "monitoringHcp.lastName": src.monitoringHcp?.lastName ?? "",
    "monitoringHcp.telephone": src.monitoringHcp?.telephone ?? "",
    "monitoringHcp.email": src.monitoringHcp?.email ?? "",
    "site.name": src.site.name,
    "site.address1": src.site.address1,
    "site.address2": src.site.address2 ?? "",
    "site.city": src.site.city,
    "site.state": src.site.state,
    "site.zip": src.site.zip,
    treatmentDate: t0 ? usDate(siteDay(t0, f.site.timeZone)) : "",
    doseAdministered: dose === 56 || dose === 84 ? `${dose} mg` : `Other: ${dose} mg`,
    // REMS.md §8 Q3: one lot field; a session with two lots lists both, first device's lot first.
    lotNumber: lots.join(", "),
    totalMonitoringMinutes: t0 ? wholeMinutes(t0, src.endOfMonitoringAt) : null, // R33
    readyToLeaveMinutes: src.discharge.readyToLeaveMinutes, // R34 (attested)
    vitalsAcceptablePreAdministration: src.discharge.vitalsAcceptablePreAdministration,
    vitalsAcceptablePreCompletion: src.discharge.vitalsAcceptablePreCompletion,
    "bp.preAdministration": t0 ? bp(latestPreDoseBp(f.vitals, t0)) : null,
    "bp.post40min": forty?.state === "recorded" ? bp(forty.reading) : null,
    "bp.preCompletion": bp(postDose.at(-1)),
    "sedation.occurred": sedationOccurred(f.sedation),
    "sedation.resolvedBeforeCompletion": sedationOccurred(f.sedation) ? byTime(live(f.sedation)).at(-1)?.moaas === 5 : null,
    "dissociation.occurred": dissociationOccurred(f.dissociation),
    "dissociation.resolvedBeforeCompletion": dissociationOccurred(f.dissociation) ? byTime(live(f.dissociation)).at(-1)?.present === false : null,
    "respiratoryDepression.occurred": aeOf("RESPIRATORY_DEPRESSION").length > 0,
    "pulseOximetry.monitored": live(f.vitals).some((v) => v.spo2 != null),
    "seriousAdverseEvent.occurred": src.adverseEvents.some((a) => a.serious),
    protocolDeviations: src.deviations
      ? src.deviations.map(deviationText)
      : forty?.state === "recorded" && forty.deviation
        ? ["40-minute BP outside 30–50 minutes"]
        : forty && forty.state !== "recorded"
          ? ["No 40-minute BP"]
          : [],
  };
}
export type PmfFields = ReturnType<typeof pmfFields>;
