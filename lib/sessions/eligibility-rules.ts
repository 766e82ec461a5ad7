// R1–R10: may this site treat, and may this patient be dosed?
import type { RemsParameters } from "@/lib/rems/parameters";
import type { Finding } from "@/lib/rems/rule-result";
import type { GateDecisionFact, PatientFacts, SiteFacts } from "./facts";
import { gate } from "./gates";
import { hepaticImpairmentGate } from "./hepatic-rules";
import { takesNaltrexone } from "@/lib/patients/medication-rules";
import { describeMissing, enrolledBy, enrollmentMissing } from "@/lib/patients/enrollment-rules";

const FLAG_LABEL: Record<string, string> = {
  ANEURYSMAL_VASCULAR_DISEASE: "aneurysmal vascular disease",
  ARTERIOVENOUS_MALFORMATION: "arteriovenous malformation",
  INTRACEREBRAL_HEMORRHAGE_HISTORY: "history of intracerebral hemorrhage",
  HYPERSENSITIVITY: "hypersensitivity to esketamine or ketamine",
  PREGNANCY: "pregnancy",
  BREASTFEEDING: "breastfeeding",
  PSYCHOSIS_HISTORY: "history of psychosis",
  ACTIVE_PSYCHOSIS: "active psychosis",
  SUBSTANCE_USE_DISORDER: "substance use disorder",
  HYPERTENSIVE_ENCEPHALOPATHY: "history of hypertensive encephalopathy",
  BIPOLAR_WITHOUT_MOOD_STABILIZER: "bipolar disorder without a mood stabilizer",
  OTHER_CAUTION: "a recorded caution",
};
export const flagLabel = (kind: string) => FLAG_LABEL[kind] ?? kind.toLowerCase().replaceAll("_", " ");

/** R1, R2, R5: the site may start sessions. */
export function siteMayTreat(site: SiteFacts, params: RemsParameters): Finding[] {
  const f: Finding[] = [];
  if (site.deactivated)
    f.push({ code: "SITE_DEACTIVATED", rule: "R1", strength: "HARD", message: "This site has been deactivated: no new sessions can start here." });
  if (site.certificationStatus === "RECERTIFICATION_REQUIRED")
    f.push({
      code: "R2_RECERTIFICATION",
      rule: "R2",
      strength: site.recertificationBlocksDosing ? "HARD" : "SOFT",
      message: `The authorized representative changed: the site must re-certify with the REMS${site.recertificationBlocksDosing ? " before dosing (this clinic's setting)" : ""}.`,
    });
  else if (site.certificationStatus !== "ACTIVE")
    f.push({
      code: "R1_SITE_NOT_CERTIFIED",
      rule: "R1",
      strength: "HARD",
      message: "This site's REMS certification is not active: sessions cannot be started here.",
    });
  if (params.pulseOximetryRequired && !site.pulseOximeterAttested)
    f.push({
      code: "R5_NO_PULSE_OXIMETER",
      rule: "R5",
      strength: "HARD",
      message: "No pulse oximeter is attested for this site: sessions cannot be started here.",
    });
  return f;
}

/** R3, R6, R7, R8, R9, R10, R48 and the naltrexone caution for dosing at `at` (the first device's time). */
export function patientMayBeDosed(
  p: PatientFacts,
  site: SiteFacts,
  params: RemsParameters,
  decisions: GateDecisionFact[],
  at: Date,
  pregnantToday = false,
): Finding[] {
  const f: Finding[] = [];
  const outpatient = site.settingType === "OUTPATIENT";
  if (outpatient && params.enrollmentGateEnabled && !enrolledBy(p.enrollment, at)) {
    const missing = enrollmentMissing(p.enrollment);
    f.push({
      code: "R6_NOT_ENROLLED",
      rule: "R6",
      strength: "HARD",
      message: `The patient is not enrolled in the SPRAVATO REMS (enrollment form signed by patient and prescriber, submitted and confirmed before dosing)${missing.length ? `: missing ${describeMissing(missing)}` : ": submitted after this time"}.`,
    });
  }
  if (outpatient && p.priorDosedSessions.length === 0 && (!p.counselledAt || p.counselledAt.getTime() > at.getTime()))
    f.push({
      code: "R7_NOT_COUNSELLED",
      rule: "R7",
      strength: "HARD",
      message:
        "No counselling on every REMS topic before the first session (sedation, dissociation, respiratory depression, blood pressure, 2-hour monitoring, ride home, no driving until the next day).",
    });
  for (const kind of p.contraindications)
    f.push({
      code: "R8_CONTRAINDICATION",
      rule: "R8",
      strength: "HARD",
      message: `Contraindication recorded: ${flagLabel(kind)}. Dosing is blocked until a prescriber removes the flag with a reason.`,
    });
  const lastDosed = p.priorDosedSessions.at(-1)?.t0 ?? null;
  const newCautions = p.cautions.filter((c) => !lastDosed || c.recordedAt.getTime() > lastDosed.getTime());
  const cautionNames = [...newCautions.map((c) => flagLabel(c.kind)), ...(pregnantToday ? ["pregnancy reported today"] : [])];
  const when = lastDosed ? "caution since the last session" : "caution on record before the first session";
  const caution = gate(decisions, "R9", cautionNames.length > 0, `${when}: ${cautionNames.join(", ")}.`);
  if (caution) f.push(caution);
  const hepatic = hepaticImpairmentGate(p.hepaticImpairment, decisions);
  if (hepatic) f.push(hepatic);
  if (!p.indication)
    f.push({ code: "R10_NO_INDICATION", rule: "R10", strength: "HARD", message: "Record the indication (TRD or MDSI) before dosing.", field: "indication" });
  else if (p.indication === "MDSI" && !p.medicationClasses.includes("ORAL_ANTIDEPRESSANT"))
    f.push({
      code: "R10_MDSI_NO_ORAL_AD",
      rule: "R10",
      strength: "SOFT",
      message: "MDSI is treated together with an oral antidepressant, and none is on the medication list.",
    });
  // Informational, read from the medication list in force on the session date (like R16's cautions).
  if (takesNaltrexone(p.medications ?? p.medicationClasses.map((drugClass) => ({ name: "", drugClass }))))
    f.push({
      code: "R16_NALTREXONE_CAUTION",
      rule: "R16",
      strength: "SOFT",
      message:
        "Naltrexone (an opioid antagonist) is on the medication list: it may blunt the antidepressant response (reported with ketamine). Make sure the prescriber knows.",
    });
  return f;
}
