// Data tests against the real PostgreSQL (scripts/test-unit.sh). Each test makes its own rows.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { addDays, siteDay } from "@/lib/time/days";
import { addChair, changeAuthorizedRepresentative, listSites, siteForEdit, updateChair, updateSite } from "./data";
import { arChangeSchema, siteSchema } from "./schema";

let n = 0;
const unique = () => `${Date.now().toString(36)}-${(n++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const today = () => siteDay(new Date(), "America/New_York");
const error = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as HttpError,
  );

async function fixture(opts: { ar?: string | null } = {}) {
  const u = unique();
  const site = await db().site.create({
    data: {
      code: `S-${u}`,
      name: `Sites test ${u}`,
      settingType: "OUTPATIENT",
      certificationStatus: "ACTIVE",
      certifiedAt: new Date("2025-01-10"),
      pulseOximeterAttested: true,
      pulseOximeterAttestedAt: new Date("2025-01-10T15:00:00Z"),
      acquisitionMethods: ["BUY_AND_BILL"],
      address1: "1 Main St",
      city: "Hudson",
      state: "NY",
      zip: "12534",
      timeZone: "America/New_York",
      chairs: { create: [{ label: "Chair 1" }, { label: "Chair 2" }] },
      ...(opts.ar === null ? {} : { authorizedRepresentatives: { create: { name: opts.ar ?? "Dr. First", fromDate: new Date("2025-01-01") } } }),
    },
    select: { id: true },
  });
  const admin = await db().user.create({
    data: {
      email: `site-admin-${u}@test.example`,
      firstName: "Ada",
      lastName: "Admin",
      role: "ADMIN",
      passwordHash: "x",
      sites: { create: { siteId: site.id } },
    },
  });
  const actor = { id: admin.id, email: admin.email, role: admin.role, siteIds: [site.id] };
  const form = async () => {
    const s = (await siteForEdit(site.id))!;
    return {
      version: s.version,
      name: s.name,
      settingType: s.settingType,
      certificationStatus: s.certificationStatus,
      certifiedAt: s.certifiedAt,
      remsSettingId: s.remsSettingId,
      acquisitionMethods: s.acquisitionMethods,
      pulseOximeterAttested: s.pulseOximeterAttested,
      address1: s.address1,
      address2: s.address2,
      city: s.city,
      state: s.state,
      zip: s.zip,
      phone: s.phone,
      timeZone: s.timeZone,
      postDoseAlertSystolic: s.postDoseAlertSystolic,
      postDoseAlertDiastolic: s.postDoseAlertDiastolic,
      urgentSystolic: s.urgentSystolic,
      urgentDiastolic: s.urgentDiastolic,
      spo2AlertThreshold: s.spo2AlertThreshold,
      preDoseCeilingSystolic: s.preDoseCeilingSystolic,
      preDoseCeilingDiastolic: s.preDoseCeilingDiastolic,
      idleLockMinutes: s.idleLockMinutes,
    };
  };
  return { u, siteId: site.id, actor, form };
}

describe("site settings", () => {
  it("saves new thresholds with the current version and audits before → after", async () => {
    const f = await fixture();
    const input = await f.form();
    const r = await updateSite(
      f.actor,
      f.siteId,
      siteSchema.parse({ ...input, postDoseAlertSystolic: 170, postDoseAlertDiastolic: 105, spo2AlertThreshold: 92 }),
    );
    expect(r.version).toBe(input.version + 1);
    expect(await siteForEdit(f.siteId)).toMatchObject({ postDoseAlertSystolic: 170, postDoseAlertDiastolic: 105, spo2AlertThreshold: 92 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "site.update", entityId: f.siteId } });
    expect(audit.siteId).toBe(f.siteId);
    expect(audit.before).toMatchObject({ postDoseAlertSystolic: 180, spo2AlertThreshold: 93, version: input.version });
    expect(audit.after).toMatchObject({ postDoseAlertSystolic: 170, spo2AlertThreshold: 92, version: input.version + 1 });
  });

  it("keeps the clinic's choice to block dosing during re-certification (R2), audited", async () => {
    const f = await fixture();
    const input = await f.form();
    expect((await siteForEdit(f.siteId))!.recertificationBlocksDosing).toBe(false);
    await updateSite(f.actor, f.siteId, siteSchema.parse({ ...input, recertificationBlocksDosing: true }));
    expect((await siteForEdit(f.siteId))!.recertificationBlocksDosing).toBe(true);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "site.update", entityId: f.siteId } });
    expect(audit.after).toMatchObject({ recertificationBlocksDosing: true });
  });

  it("keeps the late-entry threshold (R49) the administrator sets with the other thresholds", async () => {
    const f = await fixture();
    const opened = await f.form();
    await updateSite(f.actor, f.siteId, siteSchema.parse({ ...opened, lateEntryMinutes: 20 }));
    expect((await db().site.findUniqueOrThrow({ where: { id: f.siteId } })).lateEntryMinutes).toBe(20);
    expect(siteSchema.safeParse({ ...opened, lateEntryMinutes: 0 }).success).toBe(false);
  });

  it("keeps the appointment block length (issue 16) the administrator sets; left out, the saved value stays", async () => {
    const f = await fixture();
    const opened = await f.form(); // an older form without the field
    expect((await siteForEdit(f.siteId))!.appointmentBlockMinutes).toBe(150);
    await updateSite(f.actor, f.siteId, siteSchema.parse({ ...opened, appointmentBlockMinutes: 120 }));
    expect((await siteForEdit(f.siteId))!.appointmentBlockMinutes).toBe(120);
    await updateSite(f.actor, f.siteId, siteSchema.parse(await f.form()));
    expect((await siteForEdit(f.siteId))!.appointmentBlockMinutes).toBe(120);
    expect(siteSchema.safeParse({ ...opened, appointmentBlockMinutes: 20 }).success).toBe(false);
  });

  it("refuses a stale version with 409 and keeps the other administrator's change", async () => {
    const f = await fixture();
    const opened = await f.form();
    await updateSite(f.actor, f.siteId, siteSchema.parse({ ...opened, idleLockMinutes: 5 }));
    const e = await error(updateSite(f.actor, f.siteId, siteSchema.parse({ ...opened, idleLockMinutes: 15 })));
    expect(e.status).toBe(409);
    expect((await siteForEdit(f.siteId))!.idleLockMinutes).toBe(5);
    expect(await db().auditEvent.count({ where: { action: "site.update", entityId: f.siteId } })).toBe(1);
  });

  it("keeps the pulse-oximeter attestation time while the attestation stands, and clears it when withdrawn", async () => {
    const f = await fixture();
    await updateSite(f.actor, f.siteId, siteSchema.parse({ ...(await f.form()), name: "Renamed" }));
    expect((await siteForEdit(f.siteId))!.pulseOximeterAttestedAt).toBe("2025-01-10T15:00:00.000Z");
    await updateSite(f.actor, f.siteId, siteSchema.parse({ ...(await f.form()), certificationStatus: "PENDING", pulseOximeterAttested: false }));
    expect((await siteForEdit(f.siteId))!.pulseOximeterAttestedAt).toBeNull();
  });

  it("refuses a certification date in the future", async () => {
    const f = await fixture();
    const e = await error(updateSite(f.actor, f.siteId, siteSchema.parse({ ...(await f.form()), certifiedAt: addDays(today(), 2) })));
    expect(e.status).toBe(422);
    expect(e.fieldErrors?.certifiedAt).toEqual(["The certification date cannot be in the future"]);
  });

  it("lists each site with its current representative and active chairs", async () => {
    const f = await fixture({ ar: "Dr. Listed" });
    const row = (await listSites(f.actor)).find((s) => s.id === f.siteId)!;
    expect(row).toMatchObject({ currentAr: "Dr. Listed", activeChairs: 2, certificationStatus: "ACTIVE", certifiedAt: "2025-01-10" });
  });
});

describe("change of authorized representative (R2)", () => {
  it("closes the current representative the day before, keeps exactly one current, and requires re-certification", async () => {
    const f = await fixture();
    const versionBefore = (await siteForEdit(f.siteId))!.version;
    const from = addDays(today(), -3);
    await changeAuthorizedRepresentative(f.actor, f.siteId, arChangeSchema.parse({ name: "Dr. Second", email: "Second@Example.com", fromDate: from }));
    const ars = await db().authorizedRepresentative.findMany({ where: { siteId: f.siteId }, orderBy: { fromDate: "asc" } });
    expect(ars.map((a) => [a.name, a.toDate?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["Dr. First", addDays(from, -1)],
      ["Dr. Second", null],
    ]);
    expect(ars.filter((a) => !a.toDate)).toHaveLength(1);
    const s = (await siteForEdit(f.siteId))!;
    expect(s.certificationStatus).toBe("RECERTIFICATION_REQUIRED");
    expect(s.version).toBe(versionBefore + 1); // an open site form is now stale: it must not put the status back
    expect(s.currentAr).toMatchObject({ name: "Dr. Second", email: "second@example.com", fromDate: from });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "site.ar_change", entityId: f.siteId } });
    expect(audit.before).toMatchObject({ certificationStatus: "ACTIVE", currentRepresentatives: [{ name: "Dr. First", toDate: null }] });
    expect(audit.after).toMatchObject({
      certificationStatus: "RECERTIFICATION_REQUIRED",
      currentRepresentative: { name: "Dr. Second" },
      closed: [{ name: "Dr. First", toDate: addDays(from, -1) }],
    });
  });

  it("works for a site with no representative yet", async () => {
    const f = await fixture({ ar: null });
    await changeAuthorizedRepresentative(f.actor, f.siteId, arChangeSchema.parse({ name: "Dr. Only", fromDate: today() }));
    expect((await siteForEdit(f.siteId))!.currentAr?.name).toBe("Dr. Only");
  });

  it("a stale site form cannot undo the re-certification requirement", async () => {
    const f = await fixture();
    const opened = await f.form();
    await changeAuthorizedRepresentative(f.actor, f.siteId, arChangeSchema.parse({ name: "Dr. Second", fromDate: today() }));
    expect((await error(updateSite(f.actor, f.siteId, siteSchema.parse(opened)))).status).toBe(409);
  });

  it("re-certification must be dated on or after the change", async () => {
    const f = await fixture();
    const from = addDays(today(), -5);
    await changeAuthorizedRepresentative(f.actor, f.siteId, arChangeSchema.parse({ name: "Dr. Second", fromDate: from }));
    const input = await f.form();
    const early = await error(updateSite(f.actor, f.siteId, siteSchema.parse({ ...input, certificationStatus: "ACTIVE", certifiedAt: addDays(from, -1) })));
    expect(early.fieldErrors?.certifiedAt?.[0]).toMatch(/on or after/);
    await updateSite(f.actor, f.siteId, siteSchema.parse({ ...input, certificationStatus: "ACTIVE", certifiedAt: from }));
    expect((await siteForEdit(f.siteId))!.certificationStatus).toBe("ACTIVE");
  });

  it("refuses a change dated in the future or not after the current representative's start", async () => {
    const f = await fixture();
    const future = await error(changeAuthorizedRepresentative(f.actor, f.siteId, arChangeSchema.parse({ name: "Dr. Later", fromDate: addDays(today(), 2) })));
    expect(future.fieldErrors?.fromDate).toBeDefined();
    const early = await error(changeAuthorizedRepresentative(f.actor, f.siteId, arChangeSchema.parse({ name: "Dr. Early", fromDate: "2025-01-01" })));
    expect(early.fieldErrors?.fromDate).toEqual(["Must be after 2025-01-01, when the current representative took over"]);
    expect(await db().authorizedRepresentative.count({ where: { siteId: f.siteId } })).toBe(1);
    expect((await siteForEdit(f.siteId))!.certificationStatus).toBe("ACTIVE");
  });
});

describe("chairs", () => {
  it("adds, renames and takes a chair out of service, each audited; a duplicate name is refused at the field", async () => {
    const f = await fixture();
    const chair = await addChair(f.actor, f.siteId, "Chair 3");
    expect((await error(addChair(f.actor, f.siteId, "Chair 1"))).fieldErrors?.label).toEqual(["This site already has a chair with that name"]);
    await updateChair(f.actor, f.siteId, chair.id, { label: "Recliner 3", active: false });
    expect((await siteForEdit(f.siteId))!.chairs).toContainEqual({ id: chair.id, label: "Recliner 3", active: false });
    expect(await db().auditEvent.count({ where: { entityId: chair.id, action: { in: ["chair.create", "chair.update"] } } })).toBe(2);
  });

  it("a chair of another site is not found", async () => {
    const a = await fixture();
    const b = await fixture();
    const chairOfB = (await siteForEdit(b.siteId))!.chairs[0];
    expect((await error(updateChair(a.actor, a.siteId, chairOfB.id, { label: "X", active: true }))).status).toBe(404);
  });
});

describe("an administrator changes only the sites they administer", () => {
  it("another site's settings, chairs, representative and status are 404 for them, and nothing changes", async () => {
    const mine = await fixture();
    const theirs = await fixture({ ar: "Dr. Theirs" });
    const before = await theirs.form();
    const chair = (await siteForEdit(theirs.siteId))!.chairs[0];
    const { setSiteActive } = await import("./data");
    const attempts: (() => Promise<unknown>)[] = [
      () => updateSite(mine.actor, theirs.siteId, siteSchema.parse({ ...before, idleLockMinutes: 30 })),
      () => addChair(mine.actor, theirs.siteId, "Chair 9"),
      () => updateChair(mine.actor, theirs.siteId, chair.id, { label: "Renamed", active: false }),
      () => changeAuthorizedRepresentative(mine.actor, theirs.siteId, arChangeSchema.parse({ name: "Dr. Mine", fromDate: addDays(today(), -1) })),
      () => setSiteActive(mine.actor, theirs.siteId, false),
    ];
    for (const a of attempts) expect((await error(a())).status).toBe(404);
    const after = (await siteForEdit(theirs.siteId))!;
    expect(after).toMatchObject({ version: before.version, idleLockMinutes: before.idleLockMinutes, deactivatedAt: null, currentAr: { name: "Dr. Theirs" } });
    expect(after.chairs.map((c) => c.label)).toEqual(["Chair 1", "Chair 2"]);
    expect(await db().auditEvent.count({ where: { action: "access.denied", actorId: mine.actor.id, siteId: theirs.siteId } })).toBe(5);
    expect((await listSites(mine.actor)).map((s) => s.id)).toEqual([mine.siteId]);
  });
});
