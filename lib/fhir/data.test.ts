import { describe, expect, it } from "vitest";
import type { Bundle, Observation, Resource } from "@medplum/fhirtypes";
import { hashPassword } from "@/lib/auth/password";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { recordOutcome } from "@/lib/outcomes/data";
import { outcomeSchema } from "@/lib/outcomes/schema";
import {
  emergencyTransfer,
  markEnteredInError,
  recordAdverseEvent,
  recordDevice,
  recordDissociation,
  recordSedation,
  recordVital,
  resolveAdverseEvent,
} from "@/lib/sessions/commands";
import { adverseEventSchema, dissociationSchema, sedationSchema, vitalsSchema } from "@/lib/sessions/schema";
import { minutesAgo, readyToDose } from "@/lib/sessions/testing/session-steps";
import { amendSession, signSession } from "@/lib/signoff/data";
import { sessionBundle } from "./bundle";
import { VITAL_PROFILE_BASES } from "./profiles";
import { LOINC } from "./codes";
import { exportBatches, fhirSession } from "./data";
import { ndjsonStream } from "./export";
import { codeProblems } from "./schema";
import { validate } from "./testing/validator";

/** A session recorded through the app's own commands: devices, readings (one entered in error), MOAA/S, CADSS-6,
 *  an adverse event, a PHQ-9, an emergency transfer, the psychiatrist's signature and an amendment. */
async function recordedSession() {
  const c = await readyToDose();
  const psych: CurrentUser = { ...c.psych, role: "PSYCHIATRIST", name: "psych Test", siteIds: [c.site.id], sites: [], idleMinutes: 10 };
  await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: minutesAgo(130), acknowledgedWarnings: [] });
  await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[1].id, administeredAt: minutesAgo(124), acknowledgedWarnings: [] });
  await recordVital(
    c.nurse,
    c.sessionId,
    vitalsSchema.parse({ kind: "EXTRA", takenAt: minutesAgo(90).toISOString(), systolic: 142, diastolic: 86, heartRate: 82, spo2: 97, respiratoryRate: 14 }),
  );
  const wrong = await recordVital(
    c.nurse,
    c.sessionId,
    vitalsSchema.parse({ kind: "EXTRA", takenAt: minutesAgo(85).toISOString(), systolic: 210, diastolic: 100, heartRate: 80, spo2: 96 }),
  );
  const wrongId =
    (wrong as { result?: { id: string } }).result?.id ??
    (await db().observationVital.findFirstOrThrow({ where: { sessionId: c.sessionId, systolic: 210 } })).id;
  await markEnteredInError(c.nurse, c.sessionId, "vital", wrongId, "Cuff on the wrong arm");
  await recordSedation(c.nurse, c.sessionId, sedationSchema.parse({ takenAt: minutesAgo(90).toISOString(), moaas: 4 }));
  await recordDissociation(
    c.nurse,
    c.sessionId,
    dissociationSchema.parse({ takenAt: minutesAgo(90).toISOString(), present: true, scale: "CADSS6", itemScores: [1, 0, 2, 0, 1, 0] }),
  );
  const ae = await recordAdverseEvent(
    c.nurse,
    c.sessionId,
    adverseEventSchema.parse({ type: "HYPERTENSION", description: "BP 190/112 before transfer", serious: true, onsetAt: minutesAgo(20).toISOString() }),
  );
  await resolveAdverseEvent(c.nurse, c.sessionId, ae.result.id, undefined, "Treated in the ED");
  await recordOutcome(
    psych,
    c.patient.id,
    outcomeSchema.parse({ instrument: "PHQ9", items: [2, 2, 1, 2, 1, 1, 2, 1, 0], takenAt: minutesAgo(139).toISOString(), sessionId: c.sessionId }),
  );
  await emergencyTransfer(c.nurse, c.sessionId, { transferredAt: minutesAgo(10), receivingService: "EMS", reason: "Chest pain" });
  await db().user.update({ where: { id: c.psych.id }, data: { passwordHash: await hashPassword("Sign-here-2026") } });
  await signSession(psych, c.sessionId, { meaning: "REVIEWED", password: "Sign-here-2026" });
  await amendSession(psych, c.sessionId, { entryKind: "vital", entryId: wrongId, correction: "Systolic was 138, not 210", reason: "Transcription error" });
  return { ...c, wrongId };
}

const resourcesOf = (b: Bundle) => b.entry!.map((e) => e.resource!) as Resource[];

describe("FHIR export of sessions recorded through the app", () => {
  it("validates every resource of the Bundle against R4, the vital signs against US Core / R4 vital-signs profiles, and the codes with zod", async () => {
    const c = await recordedSession();
    const dto = await fhirSession(c.sessionId);
    expect(dto).not.toBeNull();
    const rs = resourcesOf(sessionBundle(dto!));
    const types = new Set(rs.map((r) => r.resourceType));
    for (const t of [
      "Patient",
      "Organization",
      "Location",
      "Practitioner",
      "Encounter",
      "MedicationAdministration",
      "Observation",
      "QuestionnaireResponse",
      "AdverseEvent",
      "Provenance",
    ])
      expect(types.has(t as never), t).toBe(true);
    for (const r of rs) {
      expect(validate(r), `${r.resourceType}/${r.id}`).toEqual([]);
      expect(codeProblems(r as never), `${r.resourceType}/${r.id}`).toEqual([]);
      const p = (r.meta?.profile ?? [])[0];
      if (p && VITAL_PROFILE_BASES[p]) expect(validate(r, VITAL_PROFILE_BASES[p]), p).toEqual([]);
    }
    const bp = rs.filter(
      (r): r is Observation => r.resourceType === "Observation" && r.code.coding?.[0].code === "85354-9" && r.code.coding[0].system === LOINC,
    );
    expect(bp.map((o) => [o.component![0].valueQuantity!.value, o.status])).toEqual([
      [128, "final"],
      [142, "final"],
      [210, "entered-in-error"],
    ]);
    expect(
      rs.filter((r) => r.resourceType === "Provenance").map((p) => (p as { activity?: { coding?: { code: string }[] } }).activity?.coding?.[0].code),
    ).toEqual(["emergency-transfer", "signed-reviewed", "UPDATE"]);
    expect(rs.filter((r) => r.resourceType === "MedicationAdministration")).toHaveLength(2);
  }, 60_000);

  it("streams a site's sessions in batches as NDJSON per resource type, each shared resource once", async () => {
    const c = await recordedSession();
    const second = await db().treatmentSession.findFirstOrThrow({ where: { id: c.sessionId } });
    const from = new Date(second.checkedInAt!.getTime() - 60_000),
      to = new Date();
    let batches = 0;
    for await (const b of exportBatches(c.site.id, from, to, 1)) {
      batches++;
      expect(b).toHaveLength(1);
    }
    expect(batches).toBe(1);
    const text = await new Response(ndjsonStream(c.site.id, from, to, "Observation", 1)).text();
    const lines = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Resource);
    expect(lines.every((r) => r.resourceType === "Observation")).toBe(true);
    expect(lines.length).toBeGreaterThan(8);
    const patients = (await new Response(ndjsonStream(c.site.id, new Date(0), to, "Patient", 1)).text()).trim().split("\n");
    expect(patients).toHaveLength(1);
    expect(await new Response(ndjsonStream(c.site.id, to, new Date(to.getTime() + 1000), "Observation")).text()).toBe("");
  }, 60_000);
});
