// Rows for data tests against the real database: a certified outpatient site with a chair, a nurse,
// a psychiatrist, an enrolled and counselled patient, and a lot of devices. Unique per call.
import { db } from "@/lib/db/client";
import { COUNSELLING_TOPICS } from "@/lib/patients/enrollment-schema";

let counter = 0;
export async function clinicFixture(opts: { enrolled?: boolean; lotExpiresOn?: string } = {}) {
  const u = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  const client = db();
  if (!(await client.remsParameterSet.count())) await client.remsParameterSet.create({ data: { effectiveFrom: new Date("2019-03-05T00:00:00Z") } });
  const site = await client.site.create({
    data: {
      code: `T-${u}`,
      name: `Test clinic ${u}`,
      settingType: "OUTPATIENT",
      certificationStatus: "ACTIVE",
      pulseOximeterAttested: true,
      acquisitionMethods: ["BUY_AND_BILL"],
      address1: "1 Main St",
      city: "Hudson",
      state: "NY",
      zip: "12534",
      timeZone: "America/New_York",
      chairs: { create: [{ label: "Chair 1" }, { label: "Chair 2" }] },
    },
    include: { chairs: true },
  });
  const user = (role: "NURSE" | "PSYCHIATRIST", name: string) =>
    client.user.create({
      data: { email: `${name}-${u}@test.example`, firstName: name, lastName: "Test", role, passwordHash: "x", sites: { create: { siteId: site.id } } },
    });
  const nurse = await user("NURSE", "nurse");
  const psych = await user("PSYCHIATRIST", "psych");
  const signed = new Date("2026-01-05T15:00:00Z");
  const patient = await client.patient.create({
    data: {
      siteId: site.id,
      mrn: `M-${u}`,
      firstName: "Pat",
      lastName: `Test${u}`,
      birthDate: new Date("1980-04-02"),
      sex: "FEMALE",
      indication: "TRD",
      medications: { create: { name: "Sertraline 100 mg", drugClass: "ORAL_ANTIDEPRESSANT" } },
      ...(opts.enrolled === false
        ? {}
        : {
            enrollments: {
              create: {
                prescriberId: psych.id,
                siteId: site.id,
                patientSignedAt: signed,
                prescriberSignedAt: signed,
                submittedAt: signed,
                channel: "ONLINE",
                remsConfirmation: `ENR-${u}`,
              },
            },
            counselling: { create: { counselledAt: signed, counselledById: psych.id, topics: [...COUNSELLING_TOPICS] } },
          }),
    },
  });
  const lot = await client.inventoryLot.create({
    data: {
      siteId: site.id,
      ndc: "50458-028-03",
      lotNumber: `L${u}`,
      expiresOn: new Date(opts.lotExpiresOn ?? "2030-01-01"),
      receivedAt: signed,
      supplier: "Test",
      receivedById: psych.id,
      deviceCount: 6,
      devices: { create: Array.from({ length: 6 }, (_, i) => ({ serial: `L${u}-${i + 1}` })) },
    },
    include: { devices: { orderBy: { serial: "asc" } } },
  });
  const actor = (x: { id: string; email: string; role: string }) => ({ id: x.id, email: x.email, role: x.role });
  return { site, chair: site.chairs[0], chair2: site.chairs[1], nurse: actor(nurse), psych: actor(psych), patient, devices: lot.devices };
}
