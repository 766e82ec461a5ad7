import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { changeAuthorizedRepresentative } from "./data";
import { arChangeSchema, siteSchema } from "./schema";

const admin = { id: "admin-test", email: "admin@test.example", role: "ADMIN" };

describe("sites", () => {
  it("an AR change keeps exactly one current representative and requires re-certification (R2)", async () => {
    const c = await clinicFixture();
    await db().authorizedRepresentative.create({ data: { siteId: c.site.id, name: "Dr. First", fromDate: new Date("2025-01-01") } });
    await changeAuthorizedRepresentative(admin, c.site.id, arChangeSchema.parse({ name: "Dr. Second", fromDate: "2026-11-20" }));
    const ars = await db().authorizedRepresentative.findMany({ where: { siteId: c.site.id }, orderBy: { fromDate: "asc" } });
    expect(ars.map((a) => [a.name, a.toDate?.toISOString().slice(0, 10) ?? null])).toEqual([["Dr. First", "2026-11-19"], ["Dr. Second", null]]);
    expect((await db().site.findUniqueOrThrow({ where: { id: c.site.id } })).certificationStatus).toBe("RECERTIFICATION_REQUIRED");
    expect(await db().auditEvent.count({ where: { action: "site.ar_change", entityId: c.site.id } })).toBe(1);
  });
});

describe("site input", () => {
  const base = { version: 1, name: "Clinic", settingType: "OUTPATIENT", certificationStatus: "ACTIVE", certifiedAt: "2025-01-01", address1: "1 Main", city: "Hudson", state: "ny", zip: "12534",
    timeZone: "America/New_York", postDoseAlertSystolic: 180, postDoseAlertDiastolic: 110, urgentSystolic: 200, urgentDiastolic: 120, spo2AlertThreshold: 93, idleLockMinutes: 10 };
  it("accepts the REMS.md defaults", () => {
    expect(siteSchema.parse(base)).toMatchObject({ state: "NY", preDoseCeilingSystolic: null });
  });
  it("refuses impossible thresholds and an unknown time zone", () => {
    const r = siteSchema.safeParse({ ...base, postDoseAlertDiastolic: 185, spo2AlertThreshold: 100, timeZone: "Mars/Olympus", zip: "1253" });
    expect(r.success).toBe(false);
    const errors = r.error!.flatten().fieldErrors as Record<string, string[]>;
    expect(errors.postDoseAlertDiastolic).toEqual(["At most 160", "Diastolic must be lower than systolic"]);
    expect(errors.spo2AlertThreshold).toEqual(["At most 99"]);
    expect(errors.timeZone).toEqual(["Choose a time zone from the list"]);
    expect(errors.zip).toEqual(["ZIP code: 5 digits or 5+4"]);
    const order = siteSchema.safeParse({ ...base, urgentSystolic: 170 });
    expect(order.error?.flatten().fieldErrors.urgentSystolic).toEqual(["The urgent level must be at or above the alert level"]);
  });
});
