// Data tests against the real PostgreSQL: creating and deactivating sites.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { refusal } from "@/lib/http/testing/refusal";
import { addDays, siteDay } from "@/lib/time/days";
import { createSite, setSiteActive, siteForEdit, listSites } from "./data";
import { siteCreateSchema, type SiteCreateInput } from "./schema";

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();
const today = () => siteDay(new Date(), "America/New_York");

/** An administrator of `siteIds` (a site they create is added to their account, as createSite does). */
async function admin(...siteIds: string[]) {
  const u = unique();
  const a = await db().user.create({
    data: {
      email: `create-site-${u}@test.example`,
      firstName: "Ada",
      lastName: "Admin",
      role: "ADMIN",
      passwordHash: "x",
      sites: { create: siteIds.map((siteId) => ({ siteId })) },
    },
  });
  return { id: a.id, email: a.email, role: a.role, siteIds };
}

export const siteInput = (over: Partial<SiteCreateInput> = {}): SiteCreateInput => ({
  code: `T-${unique()}`.slice(0, 20),
  name: "Hudson Valley Outpatient",
  settingType: "OUTPATIENT",
  certificationStatus: "ACTIVE",
  certifiedAt: "2025-01-10",
  remsSettingId: "",
  acquisitionMethods: ["BUY_AND_BILL"],
  pulseOximeterAttested: true,
  recertificationBlocksDosing: false,
  address1: "1 Main St",
  address2: "",
  city: "Hudson",
  state: "ny",
  zip: "12534",
  phone: "",
  timeZone: "America/New_York",
  postDoseAlertSystolic: 180,
  postDoseAlertDiastolic: 110,
  urgentSystolic: 200,
  urgentDiastolic: 120,
  spo2AlertThreshold: 93,
  preDoseCeilingSystolic: "",
  preDoseCeilingDiastolic: "",
  idleLockMinutes: 10,
  lateEntryMinutes: 10,
  observationAnchor: "FIRST_DEVICE",
  arName: "Dr. Rep",
  arEmail: "Rep@Example.com",
  arPhone: "",
  arFromDate: "2025-01-01",
  chairs: [{ label: "Chair 1" }, { label: "Chair 2" }],
  ...over,
});

describe("creating a site", () => {
  it("saves every setting, its chairs and representative, gives the site to its creator and audits it", async () => {
    const a = await admin();
    const input = siteInput({ observationAnchor: "LAST_DEVICE", preDoseCeilingSystolic: 160, preDoseCeilingDiastolic: 100, idleLockMinutes: 5 });
    const { id } = await createSite(a, siteCreateSchema.parse(input));
    const s = (await siteForEdit(id))!;
    expect(s).toMatchObject({ code: input.code, state: "NY", certifiedAt: "2025-01-10", preDoseCeilingSystolic: 160, idleLockMinutes: 5, deactivatedAt: null });
    expect(s.pulseOximeterAttestedAt).not.toBeNull();
    expect(s.chairs.map((c) => c.label)).toEqual(["Chair 1", "Chair 2"]);
    expect(s.currentAr).toMatchObject({ name: "Dr. Rep", email: "rep@example.com", fromDate: "2025-01-01" });
    expect((await db().site.findUniqueOrThrow({ where: { id } })).observationAnchor).toBe("LAST_DEVICE");
    expect(await db().userSite.count({ where: { userId: a.id, siteId: id } })).toBe(1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "site.create", entityId: id } });
    expect(audit.actorId).toBe(a.id);
    expect(audit.after).toMatchObject({ code: input.code, chairs: ["Chair 1", "Chair 2"], authorizedRepresentative: { name: "Dr. Rep" } });
  });

  it("refuses at the field: a certified site without representative, no chairs, two chairs with one name", () => {
    const r = siteCreateSchema.safeParse(siteInput({ arName: "", chairs: [] }));
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["arName", "chairs"]));
    const dup = siteCreateSchema.safeParse(siteInput({ chairs: [{ label: "A" }, { label: "a" }] }));
    expect(dup.error!.issues[0]).toMatchObject({ path: ["chairs", 1, "label"], message: "Two chairs cannot have the same name" });
    expect(siteCreateSchema.safeParse(siteInput({ certificationStatus: "PENDING", certifiedAt: "", arName: "", arFromDate: "" })).success).toBe(true);
  });

  it("refuses a duplicate code with 409 at the field and a future certification date with 422, saving nothing", async () => {
    const a = await admin();
    const first = siteInput();
    await createSite(a, siteCreateSchema.parse(first));
    const dup = await refusal(createSite(a, siteCreateSchema.parse(siteInput({ code: first.code, name: "Other" }))));
    expect(dup.status).toBe(409);
    expect(dup.fieldErrors?.code).toEqual(["Another site already has this code"]);
    const future = siteInput({ certifiedAt: addDays(today(), 3) });
    const e = await refusal(createSite(a, siteCreateSchema.parse(future)));
    expect(e.status).toBe(422);
    expect(e.fieldErrors?.certifiedAt).toBeDefined();
    expect(await db().site.count({ where: { code: future.code } })).toBe(0);
    expect(await db().site.count({ where: { code: first.code } })).toBe(1);
  });

  it("two simultaneous creations of one code leave one site", async () => {
    const a = await admin();
    const input = siteCreateSchema.parse(siteInput());
    const results = await Promise.allSettled([createSite(a, input), createSite(a, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().site.count({ where: { code: input.code } })).toBe(1);
  });
});

describe("observation anchor on the site form", () => {
  it("is saved when the form sends it and kept when an older client leaves it out", async () => {
    const a = await admin();
    const { id } = await createSite(a, siteCreateSchema.parse(siteInput()));
    a.siteIds.push(id);
    const { siteSchema } = await import("./schema");
    const { updateSite } = await import("./data");
    const s = (await siteForEdit(id))!;
    const form = {
      version: s.version,
      name: s.name,
      settingType: s.settingType,
      certificationStatus: s.certificationStatus,
      certifiedAt: s.certifiedAt,
      acquisitionMethods: s.acquisitionMethods,
      pulseOximeterAttested: s.pulseOximeterAttested,
      address1: s.address1,
      city: s.city,
      state: s.state,
      zip: s.zip,
      timeZone: s.timeZone,
      postDoseAlertSystolic: 180,
      postDoseAlertDiastolic: 110,
      urgentSystolic: 200,
      urgentDiastolic: 120,
      spo2AlertThreshold: 93,
      idleLockMinutes: 10,
    };
    const v = await updateSite(a, id, siteSchema.parse({ ...form, observationAnchor: "LAST_DEVICE" }));
    expect((await siteForEdit(id))!.observationAnchor).toBe("LAST_DEVICE");
    await updateSite(a, id, siteSchema.parse({ ...form, version: v.version }));
    expect((await siteForEdit(id))!.observationAnchor).toBe("LAST_DEVICE");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "site.update", entityId: id }, orderBy: { id: "asc" } });
    expect(audit.before).toMatchObject({ observationAnchor: "FIRST_DEVICE" });
    expect(audit.after).toMatchObject({ observationAnchor: "LAST_DEVICE" });
  });
});

describe("deactivating a site", () => {
  it("keeps the site and its history, marks it inactive in the list, audited; reactivation undoes it", async () => {
    const a = await admin();
    const { id } = await createSite(a, siteCreateSchema.parse(siteInput()));
    a.siteIds.push(id);
    await setSiteActive(a, id, false);
    expect((await siteForEdit(id))!.deactivatedAt).not.toBeNull();
    expect((await listSites(a)).find((s) => s.id === id)!.deactivatedAt).not.toBeNull();
    expect((await refusal(setSiteActive(a, id, false))).status).toBe(409);
    expect(await db().auditEvent.count({ where: { action: "site.deactivate", entityId: id } })).toBe(1);
    await setSiteActive(a, id, true);
    expect((await siteForEdit(id))!.deactivatedAt).toBeNull();
  });

  it("refuses while a patient is in a chair (422), saving nothing", async () => {
    const { clinicFixture } = await import("@/lib/sessions/testing/db-fixture");
    const { checkIn } = await import("@/lib/sessions/commands");
    const f = await clinicFixture();
    await checkIn(f.nurse, { patientId: f.patient.id, chairId: f.chair.id, prescriberOnSiteId: f.psych.id, monitoringHcpId: f.nurse.id, indication: "TRD" });
    const e = await refusal(setSiteActive(await admin(f.site.id), f.site.id, false));
    expect(e.status).toBe(422);
    expect(e.message).toBe("A patient is in a chair at this site. Deactivate it after the sessions end.");
    expect((await siteForEdit(f.site.id))!.deactivatedAt).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "site.deactivate", entityId: f.site.id } })).toBe(0);
  });

  it("an unknown site is not found", async () => {
    expect((await refusal(setSiteActive(await admin(), "nope", false))).status).toBe(404);
  });
});

describe("a deactivated site starts no new sessions", () => {
  it("check-in refuses with a clear message; after reactivation it succeeds", async () => {
    const { clinicFixture } = await import("@/lib/sessions/testing/db-fixture");
    const { checkIn } = await import("@/lib/sessions/commands");
    const f = await clinicFixture();
    const a = await admin(f.site.id);
    const input = { patientId: f.patient.id, chairId: f.chair.id, prescriberOnSiteId: f.psych.id, monitoringHcpId: f.nurse.id, indication: "TRD" as const };
    await setSiteActive(a, f.site.id, false);
    const e = await refusal(checkIn(f.nurse, input));
    expect(e.status).toBe(422);
    expect(e.message).toBe("This site has been deactivated: no new sessions can start here.");
    expect(await db().treatmentSession.count({ where: { siteId: f.site.id } })).toBe(0);
    await setSiteActive(a, f.site.id, true);
    await checkIn(f.nurse, input);
    expect(await db().treatmentSession.count({ where: { siteId: f.site.id } })).toBe(1);
  });
});
