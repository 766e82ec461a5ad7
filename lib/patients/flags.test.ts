import { atTime } from "@/lib/clock";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { checkIn, recordDevice, recordVital, saveChecklist, setDose } from "@/lib/sessions/commands";
import { checklistSchema, vitalsSchema } from "@/lib/sessions/schema";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { addFlag, removeFlag } from "./flags";
import { addFlagSchema } from "./schema";

const ago = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe("contraindication flags (R8)", () => {
  it("block the first device until a prescriber removes the flag with a reason; the flag stays in the history", async () => {
    const c = await clinicFixture();
    const { id: flagId } = await addFlag(c.psych, c.patient.id, addFlagSchema.parse({ kind: "ARTERIOVENOUS_MALFORMATION", note: "MRI 2019" }));
    const { result } = await atTime(new Date(Date.now() - 15 * 60_000), () =>
      checkIn(c.nurse, { patientId: c.patient.id, chairId: c.chair.id, prescriberOnSiteId: c.psych.id, monitoringHcpId: c.nurse.id, indication: "TRD" }),
    );
    await saveChecklist(
      c.nurse,
      result.id,
      checklistSchema.parse({
        version: 0,
        rideType: "RIDESHARE",
        lastFoodAt: ago(300),
        lastLiquidAt: ago(200),
        conmedBenzodiazepines: false,
        conmedSedativeHypnotics: false,
        conmedPsychostimulants: false,
        conmedMaois: false,
        conmedOpioids: false,
        conmedConfirmed: true,
        pregnancyStatus: "NOT_APPLICABLE",
      }),
    );
    await recordVital(c.nurse, result.id, vitalsSchema.parse({ kind: "PRE_DOSE", takenAt: ago(5), systolic: 126, diastolic: 80, spo2: 98 }));
    const { version } = await db().treatmentSession.findUniqueOrThrow({ where: { id: result.id } });
    await setDose(c.nurse, result.id, { version, doseOption: "56", otherDoseMg: undefined, otherDoseReason: "" });

    const refused = await recordDevice(c.nurse, result.id, { deviceId: c.devices[0].id, administeredAt: undefined, acknowledgedWarnings: [] }).catch((e) => e);
    expect((refused as HttpError).message).toContain("Contraindication recorded: arteriovenous malformation");

    await removeFlag(c.psych, c.patient.id, flagId, "Neurosurgery review 2026: AVM excised, no residual");
    await recordDevice(c.nurse, result.id, { deviceId: c.devices[0].id, administeredAt: undefined, acknowledgedWarnings: [] });
    const flag = await db().clinicalFlag.findUniqueOrThrow({ where: { id: flagId } });
    expect([flag.removedById, flag.removedReason]).toEqual([c.psych.id, "Neurosurgery review 2026: AVM excised, no residual"]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "flag.remove", entityId: flagId } });
    expect(audit.reason).toBe("Neurosurgery review 2026: AVM excised, no residual");
  });

  it("refuses a flag that is already recorded, and a second removal", async () => {
    const c = await clinicFixture();
    const { id } = await addFlag(c.psych, c.patient.id, addFlagSchema.parse({ kind: "PREGNANCY" }));
    expect(((await addFlag(c.psych, c.patient.id, addFlagSchema.parse({ kind: "PREGNANCY" })).catch((e) => e)) as HttpError).status).toBe(409);
    expect((await db().clinicalFlag.findUniqueOrThrow({ where: { id } })).category).toBe("CAUTION");
    await removeFlag(c.psych, c.patient.id, id, "Delivered 2026-10-01");
    expect(((await removeFlag(c.psych, c.patient.id, id, "again please").catch((e) => e)) as HttpError).status).toBe(409);
  });
});
