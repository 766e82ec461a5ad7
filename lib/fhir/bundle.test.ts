import { describe, expect, it } from "vitest";
import type { AdverseEvent, Encounter, MedicationAdministration, Observation, Provenance, QuestionnaireResponse, Resource } from "@medplum/fhirtypes";
import { sessionBundle, stableId, VITAL_PROFILES } from "./bundle";
import { LOCAL, LOINC } from "./codes";
import { VITAL_PROFILE_BASES } from "./profiles";
import { codeProblems } from "./schema";
import { sessionDto } from "./testing/dto";
import { validate } from "./testing/validator";

const resources = (b = sessionBundle(sessionDto())) => b.entry!.map((e) => e.resource!) as Resource[];
const observations = (rs: Resource[]) => rs.filter((r): r is Observation => r.resourceType === "Observation");
const loincOf = (o: Observation) => o.code.coding?.find((c) => c.system === LOINC)?.code;

describe("one session → one FHIR R4 Bundle", () => {
  it("is a collection whose fullUrls are urn:uuid of stable ids, and every reference resolves inside it", () => {
    const b = sessionBundle(sessionDto());
    expect(b.type).toBe("collection");
    const urls = new Set(b.entry!.map((e) => e.fullUrl));
    expect(urls.size).toBe(b.entry!.length);
    for (const e of b.entry!) expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const refs = [...JSON.stringify(b).matchAll(/"reference":"(urn:uuid:[^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(20);
    for (const r of refs) expect(urls.has(r), r).toBe(true);
    expect(JSON.stringify(sessionBundle(sessionDto()))).toBe(JSON.stringify(b));
    expect(stableId("Patient", "pat1")).not.toBe(stableId("Patient", "pat2"));
  });

  it("has one Patient, Organization, Location and Encounter, and a Practitioner per person named", () => {
    const rs = resources();
    const count = (t: string) => rs.filter((r) => r.resourceType === t).length;
    expect([count("Patient"), count("Organization"), count("Location"), count("Encounter"), count("Practitioner")]).toEqual([1, 1, 1, 1, 2]);
    const enc = rs.find((r): r is Encounter => r.resourceType === "Encounter")!;
    expect(enc).toMatchObject({ status: "finished", class: { code: "AMB" }, hospitalization: { dischargeDisposition: { coding: [{ code: "home" }] } } });
    expect(enc.participant).toHaveLength(2);
  });

  it("gives a MedicationAdministration per device with NDC, RxNorm, lot, 28 mg nasal, the patient as performer and the nurse as witness", () => {
    const mas = resources().filter((r): r is MedicationAdministration => r.resourceType === "MedicationAdministration");
    expect(mas.map((m) => m.status)).toEqual(["completed", "entered-in-error"]);
    const med = mas[0].contained![0] as { code: { coding: { system: string; code: string }[] }; batch: unknown };
    expect(med.code.coding.map((c) => c.code)).toEqual(["50458-028-00", "2201623", "2201625"]);
    expect(med.batch).toEqual({ lotNumber: "24A118", expirationDate: "2027-06-30" });
    expect(mas[0].dosage?.dose).toEqual({ value: 28, unit: "mg", system: "http://unitsofmeasure.org", code: "mg" });
    expect(mas[0].performer!.map((p) => p.function?.coding?.[0].code ?? "patient")).toEqual(["patient", "witness"]);
  });

  it("maps each reading to US Core vital signs with its timepoint role as a local code, and keeps entered-in-error", () => {
    const obs = observations(resources());
    const bp = obs.filter((o) => loincOf(o) === "85354-9");
    expect(bp).toHaveLength(4);
    const roles = bp.map((o) => o.category!.flatMap((c) => c.coding!).find((c) => c.system === LOCAL.timepoint)?.code);
    expect(roles).toEqual(["pre-dose", "40-minute", "extra", "pre-discharge"]);
    expect(bp.map((o) => o.status)).toEqual(["final", "final", "entered-in-error", "final"]);
    expect(bp[0].component!.map((c) => [c.code.coding![0].code, c.valueQuantity!.value, c.valueQuantity!.code])).toEqual([
      ["8480-6", 128, "mm[Hg]"],
      ["8462-4", 80, "mm[Hg]"],
    ]);
    expect(obs.filter((o) => loincOf(o) === "8867-4").map((o) => o.valueQuantity!.code)).toEqual(["/min", "/min", "/min"]);
    const spo2 = obs.filter((o) => loincOf(o) === "59408-5");
    expect(spo2[0].code.coding!.map((c) => c.code)).toEqual(["59408-5", "2708-6"]);
    expect(obs.filter((o) => loincOf(o) === "9279-1")).toHaveLength(2);
  });

  it("codes MOAA/S, dissociation and CADSS in the local CodeSystem, PHQ-9 on LOINC and MADRS on a local questionnaire", () => {
    const rs = resources();
    const local = observations(rs)
      .filter((o) => o.code.coding![0].system === LOCAL.assessment)
      .map((o) => o.code.coding![0].code);
    expect(local).toEqual(["moaas", "dissociation", "dissociation", "madrs-total"]);
    const cadss = observations(rs).find((o) => o.code.coding![0].code === "dissociation" && o.component?.length)!;
    expect(cadss.component!.map((c) => c.code.coding![0].code)).toEqual(["cadss-6-total", ...[1, 2, 3, 4, 5, 6].map((i) => `cadss-6-item-${i}`)]);
    const qrs = rs.filter((r): r is QuestionnaireResponse => r.resourceType === "QuestionnaireResponse");
    expect(qrs.map((q) => [q.questionnaire, q.status])).toEqual([
      ["http://loinc.org/q/44249-1", "completed"],
      [`${LOCAL.questionnaire}/madrs`, "entered-in-error"],
    ]);
    expect(qrs[0].item!.map((i) => i.linkId)[0]).toBe("44250-9");
    expect(observations(rs).find((o) => loincOf(o) === "44261-6")?.valueInteger).toBe(12);
  });

  it("records the adverse event, the GATE and discharge decisions, the signature and the amendment", () => {
    const rs = resources();
    const ae = rs.find((r): r is AdverseEvent => r.resourceType === "AdverseEvent")!;
    expect(ae).toMatchObject({
      actuality: "actual",
      identifier: { value: "REMS-77" },
      seriousness: { coding: [{ code: "non-serious" }] },
      outcome: { coding: [{ code: "resolved" }] },
    });
    expect(ae.suspectEntity).toHaveLength(1); // the device entered in error is not a suspect
    const prov = rs.filter((r): r is Provenance => r.resourceType === "Provenance");
    expect(prov.map((p) => p.activity!.coding![0].code)).toEqual(["gate-proceed", "discharge", "signed-reviewed", "UPDATE"]);
    expect(prov[2].signature![0]).toMatchObject({ when: "2026-03-10T19:00:00.000Z", who: { display: "Priya Shah" } });
    expect(prov[3].entity![0]).toMatchObject({ role: "revision", what: { display: "vital v1: Systolic was 138" } });
  });

  it("reports an emergency transfer as the discharge disposition, and an open session as in progress", () => {
    const transfer = resources(
      sessionBundle(
        sessionDto({
          status: "EMERGENCY_TRANSFER",
          discharge: { id: "d", outcome: "EMERGENCY_TRANSFER", decidedAt: new Date(), hcpId: "nurse1", receivingService: "EMS" },
        }),
      ),
    );
    expect((transfer.find((r) => r.resourceType === "Encounter") as Encounter).hospitalization!.dischargeDisposition).toMatchObject({
      coding: [{ code: "other-hcf" }],
      text: "Emergency transfer: EMS",
    });
    const open = resources(sessionBundle(sessionDto({ status: "MONITORING", endOfMonitoringAt: null, discharge: null, signature: null })));
    expect(open.find((r) => r.resourceType === "Encounter") as Encounter).toMatchObject({
      status: "in-progress",
      period: { start: "2026-03-10T13:30:00.000Z" },
    });
  });

  it("validates every resource against R4, the vital signs against their profiles, and every code value with zod", () => {
    for (const r of resources()) {
      expect(validate(r), `${r.resourceType} ${JSON.stringify(r).slice(0, 200)}`).toEqual([]);
      expect(codeProblems(r as never)).toEqual([]);
      const p = (r.meta?.profile ?? [])[0];
      // US Core patient and blood pressure; heart rate, SpO₂ and respiratory rate on their R4 base profiles (profiles.ts).
      if (p === "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient") expect(validate(r, p)).toEqual([]);
      if (p && VITAL_PROFILE_BASES[p]) expect(validate(r, VITAL_PROFILE_BASES[p]), p).toEqual([]);
    }
  }, 60_000);

  it("catches what a broken mapping would produce: missing diastolic, a wrong unit, one SpO₂ coding, an invented LOINC code", () => {
    const bp = observations(resources()).find((o) => loincOf(o) === "85354-9")!;
    const noDiastolic = { ...bp, component: bp.component!.slice(0, 1) };
    expect(validate(noDiastolic, VITAL_PROFILES.bp).length).toBeGreaterThan(0);
    expect(codeProblems(noDiastolic as never).join()).toMatch(/systolic and diastolic/);
    const hr = observations(resources()).find((o) => loincOf(o) === "8867-4")!;
    expect(codeProblems({ ...hr, valueQuantity: { ...hr.valueQuantity, code: "bpm" } } as never).join()).toMatch(/valueQuantity\.code/);
    const spo2 = observations(resources()).find((o) => loincOf(o) === "59408-5")!;
    expect(codeProblems({ ...spo2, code: { coding: spo2.code.coding!.slice(0, 1) } } as never).join()).toMatch(/both 59408-5 and 2708-6/);
    expect(codeProblems({ ...hr, code: { coding: [{ system: LOINC, code: "99999-9" }] } } as never).join()).toMatch(/unknown LOINC code 99999-9/);
    expect(codeProblems({ ...hr, status: "done" } as never).length).toBeGreaterThan(0);
    expect(validate({ ...hr, effectiveDateTime: "10 March" } as Observation).length).toBeGreaterThan(0);
  });
});
