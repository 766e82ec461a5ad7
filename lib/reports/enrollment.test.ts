import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { enrollmentReport } from "./enrollment";

describe("enrollment and certification report", () => {
  it("shows the site's certification and AR, each patient's enrollment, and flags a transfer without a REMS notice", async () => {
    const c = await clinicFixture();
    await db().site.update({ where: { id: c.site.id }, data: { certifiedAt: new Date("2025-01-15T15:00:00Z"), remsSettingId: "OHS-1" } });
    await db().authorizedRepresentative.create({ data: { siteId: c.site.id, name: "Dr. Helen Marsh", fromDate: new Date("2025-01-10") } });
    const pending = await db().patient.create({
      data: {
        siteId: c.site.id,
        mrn: `P-${c.patient.mrn}`,
        firstName: "Ann",
        lastName: "Pending",
        birthDate: new Date("1980-01-01"),
        sex: "FEMALE",
        enrollments: { create: { prescriberId: c.psych.id, siteId: c.site.id, patientSignedAt: new Date("2026-03-01T15:00:00Z") } },
      },
    });
    await db().patientTransfer.createMany({
      data: [
        {
          patientId: c.patient.id,
          fromSiteId: c.site.id,
          toSettingName: "Valley Clinic",
          transferDate: new Date("2026-03-10"),
          remsNotifiedAt: new Date("2026-03-09T14:00:00Z"),
        },
        { patientId: pending.id, fromSiteId: c.site.id, toSettingName: "Hill Clinic", transferDate: new Date("2026-03-12"), remsNotifiedAt: null },
      ],
    });
    // Ann was dosed once before her enrollment was complete (R6); her other session's only device was entered in error.
    for (const [i, date] of ["2026-03-05", "2026-03-06"].entries()) {
      const s = await db().treatmentSession.create({
        data: { patientId: pending.id, siteId: c.site.id, status: "DISCHARGED", indication: "TRD", treatmentDate: new Date(date), plannedDoseMg: 56 },
      });
      await db().deviceAdministration.create({
        data: {
          sessionId: s.id,
          sequence: 1,
          administeredAt: new Date(`${date}T15:00:00Z`),
          deviceId: c.devices[i].id,
          recordedById: c.nurse.id,
          enteredInErrorAt: i ? new Date(`${date}T15:05:00Z`) : null,
        },
      });
    }
    const other = await clinicFixture();
    const r = await enrollmentReport([c.site.id]);
    expect(r.sites).toEqual([
      expect.objectContaining({
        name: c.site.name,
        certificationStatus: "ACTIVE",
        certifiedOn: "2025-01-15",
        remsSettingId: "OHS-1",
        representative: expect.objectContaining({ name: "Dr. Helen Marsh", fromDate: "2025-01-10" }),
        representativeCount: 1,
      }),
    ]);
    expect(r.patients.map((p) => [p.name, p.state])).toEqual([
      [`Pending, Ann`, "pending"],
      [`${c.patient.lastName}, Pat`, "enrolled"],
    ]);
    expect(r.patients.map((p) => [p.dosedSessions, p.lastTreatment, p.treatedWithoutEnrollment])).toEqual([
      [1, "2026-03-05", true],
      [0, null, false],
    ]);
    expect(r.patients.map((p) => p.mrn)).not.toContain(other.patient.mrn);
    expect(r.transfers.map((t) => [t.to, t.transferDate, t.notifiedOn, t.notice])).toEqual([
      ["Hill Clinic", "2026-03-12", null, "not_notified"],
      ["Valley Clinic", "2026-03-10", "2026-03-09", "notified"],
    ]);
  });
});
