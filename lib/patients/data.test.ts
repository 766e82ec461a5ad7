import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { createPatient, listPatients, PAGE_SIZE } from "./data";
import { newPatientSchema } from "./schema";

async function siteWith(names: [string, string][]) {
  const c = await clinicFixture();
  await db().patient.createMany({
    data: names.map(([firstName, lastName], i) => ({
      siteId: c.site.id,
      mrn: `X-${i + 1}`,
      firstName,
      lastName,
      birthDate: new Date("1980-01-01"),
      sex: "OTHER" as const,
    })),
  });
  return c;
}

describe("patient list", () => {
  it("finds by part of a name in either order, or by MRN, case-insensitively", async () => {
    const c = await siteWith([
      ["Casey", "Rivera"],
      ["Dana", "Rivers"],
      ["Eli", "Navarro"],
    ]);
    const names = async (q: string) => (await listPatients([c.site.id], q, 1)).rows.map((r) => r.name);
    expect(await names("rivera")).toEqual(["Rivera, Casey"]);
    expect(await names("RIVER")).toEqual(["Rivera, Casey", "Rivers, Dana"]);
    expect(await names("Casey Riv")).toEqual(["Rivera, Casey"]);
    expect(await names("x-3")).toEqual(["Navarro, Eli"]);
    expect(await names("100%_")).toEqual([]); // LIKE wildcards in the search are literal
  });

  it("pages 20 at a time in name order", async () => {
    const c = await siteWith(Array.from({ length: 25 }, (_, i) => [`F${i}`, `L${String(i).padStart(2, "0")}`] as [string, string]));
    const p1 = await listPatients([c.site.id], undefined, 1);
    const p2 = await listPatients([c.site.id], undefined, 2);
    // 25 + the fixture's own patient ("Test…", sorted last)
    expect([p1.total, p1.pageCount, p1.rows.length, p2.rows.length]).toEqual([26, 2, PAGE_SIZE, 6]);
    expect(p2.rows[0].name).toBe("L20, F20");
    expect((await listPatients([c.site.id], undefined, 99)).page).toBe(2);
  });

  it("shows each patient's latest treatment date, and none for a patient without a dated session", async () => {
    const c = await siteWith([["No", "Sessions"]]);
    for (const [day, status] of [
      ["2026-02-01", "DISCHARGED"],
      ["2026-03-09", "DISCHARGED"],
      ["2026-01-15", "CANCELLED"],
    ] as const)
      await db().treatmentSession.create({ data: { patientId: c.patient.id, siteId: c.site.id, status, treatmentDate: new Date(`${day}T00:00:00Z`) } });
    await db().treatmentSession.create({ data: { patientId: c.patient.id, siteId: c.site.id, status: "CHECKED_IN" } }); // not yet dated
    const rows = (await listPatients([c.site.id], undefined, 1)).rows;
    expect(rows.map((r) => [r.name, r.lastSessionDate])).toEqual([
      ["Sessions, No", null],
      [`${c.patient.lastName}, ${c.patient.firstName}`, "2026-03-09"],
    ]);
  });

  it("never returns a patient of a site that is not in the list", async () => {
    const a = await siteWith([["Only", "Here"]]);
    const b = await siteWith([["Only", "There"]]);
    expect((await listPatients([a.site.id], "only", 1)).rows.map((r) => r.name)).toEqual(["Here, Only"]);
    expect((await listPatients([a.site.id, b.site.id], "only", 1)).rows).toHaveLength(2);
  });
});

describe("registering a patient", () => {
  it("writes the patient and its audit row together, and refuses a second patient with the same MRN at a site", async () => {
    const c = await clinicFixture();
    const input = newPatientSchema.parse({
      siteId: c.site.id,
      mrn: "N-1",
      firstName: "New",
      lastName: "Person",
      birthDate: "1970-02-02",
      sex: "MALE",
      indication: "TRD",
    });
    const { id } = await createPatient(c.nurse, input);
    expect(await db().auditEvent.count({ where: { action: "patient.create", entityId: id } })).toBe(1);
    const e = await createPatient(c.nurse, input).catch((x) => x);
    expect(e).toBeInstanceOf(HttpError);
    expect((e as HttpError).fieldErrors?.mrn?.[0]).toContain("already in use");
    expect(await db().patient.count({ where: { siteId: c.site.id, mrn: "N-1" } })).toBe(1);
  });
});
