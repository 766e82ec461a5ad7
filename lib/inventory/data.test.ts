// Data tests against the real PostgreSQL (scripts/test-unit.sh). Each test makes its own site and rows.
import { refusal } from "@/lib/http/testing/refusal";
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { HttpError } from "@/lib/http/errors";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { siteDay } from "@/lib/time/days";
import {
  DISPENSING_CSV_HEADER,
  dispensingCsvStream,
  dispensingLogPage,
  dispensingRows,
  lotDetail,
  receiveLot,
  recordCount,
  returnDevice,
  siteLots,
  siteStaff,
  wasteDevice,
} from "./data";
import { physicalCountSchema, receiveLotSchema, returnDeviceSchema, wasteDeviceSchema } from "./schema";

const WITNESS_PASSWORD = "witness-pass-2026";
let witnessHash: Promise<string> | undefined;

async function fixture(opts: { lotExpiresOn?: string } = {}) {
  const c = await clinicFixture(opts);
  const u = c.site.code;
  const admin = await db().user.create({
    data: { email: `admin-${u}@test.example`, firstName: "Ada", lastName: "Admin", role: "ADMIN", passwordHash: "x", sites: { create: { siteId: c.site.id } } },
  });
  await db().user.update({ where: { id: c.nurse.id }, data: { passwordHash: await (witnessHash ??= hashPassword(WITNESS_PASSWORD)) } });
  const actor = { id: admin.id, email: admin.email, role: admin.role };
  const lotId = (await db().device.findUniqueOrThrow({ where: { id: c.devices[0].id }, select: { lotId: true } })).lotId;
  const waste = (deviceId: string, over: Record<string, string> = {}) =>
    wasteDevice(
      actor,
      lotId,
      wasteDeviceSchema.parse({ deviceId, reason: "Dropped on the floor", witnessId: c.nurse.id, witnessPassword: WITNESS_PASSWORD, ...over }),
    );
  const ret = (deviceId: string) => returnDevice(actor, lotId, returnDeviceSchema.parse({ deviceId, returnedTo: "Cardinal", reason: "Recall" }));
  const receive = (over: Record<string, unknown> = {}) =>
    receiveLot(
      actor,
      receiveLotSchema.parse({
        siteId: c.site.id,
        ndc: "50458-028-03",
        lotNumber: `R${u.slice(2)}`.replace(/[^A-Za-z0-9-]/g, ""),
        expiresOn: "2029-12-31",
        deviceCount: 9,
        supplier: "Cardinal",
        receivedById: admin.id,
        ...over,
      }),
    );
  return { ...c, admin, actor, lotId, waste, ret, receive };
}

/** A dosed session with administrations of the given devices (as the session screens record them). */
async function administer(
  c: Awaited<ReturnType<typeof fixture>>,
  deviceIds: string[],
  at: Date,
  opts: { doseMg?: number; status?: "DISCHARGED" | "NOT_DOSED" } = {},
) {
  // The site-local day: R50 allows one dosing session per patient and day.
  const s = await db().treatmentSession.create({
    data: {
      patientId: c.patient.id,
      siteId: c.site.id,
      status: opts.status ?? "DISCHARGED",
      plannedDoseMg: opts.doseMg ?? 28 * deviceIds.length,
      treatmentDate: new Date(`${siteDay(at, c.site.timeZone)}T00:00:00Z`),
    },
  });
  const rows = [];
  for (const [i, deviceId] of deviceIds.entries()) {
    rows.push(
      await db().deviceAdministration.create({
        data: { sessionId: s.id, sequence: i + 1, administeredAt: new Date(at.getTime() + i * 5 * 60_000), deviceId, recordedById: c.nurse.id },
      }),
    );
    await db().device.update({ where: { id: deviceId }, data: { status: "ADMINISTERED" } });
  }
  return { session: s, rows };
}

const lotOf = async (c: Awaited<ReturnType<typeof fixture>>) => (await siteLots(c.site.id, "2026-11-23")).find((l) => l.id === c.lotId)!;

describe("receiving a lot (R44)", () => {
  it("creates one on-hand device per device received, numbered after the lot, and audits it", async () => {
    const c = await fixture();
    const { id, devices } = await c.receive({ lotNumber: "25x901", deviceCount: 9 });
    expect(devices).toBe(9);
    const lot = await db().inventoryLot.findUniqueOrThrow({ where: { id }, include: { devices: { orderBy: { serial: "asc" } } } });
    expect(lot.lotNumber).toBe("25X901");
    expect(lot.kitDescription).toBe("84 mg kit (3 devices)");
    expect(lot.devices.map((d) => d.serial)).toEqual(Array.from({ length: 9 }, (_, i) => `25X901-00${i + 1}`));
    expect(lot.devices.every((d) => d.status === "ON_HAND")).toBe(true);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "inventory.receive", entityId: id } });
    expect(audit.actorId).toBe(c.admin.id);
    expect(audit.after).toMatchObject({ lotNumber: "25X901", deviceCount: 9, devicesCreated: 9 });
  });

  it("refuses an already-expired lot with a message at the expiry date, and creates nothing", async () => {
    const c = await fixture();
    const e = await refusal(c.receive({ lotNumber: "OLD1", expiresOn: "2020-01-31" }));
    expect(e.status).toBe(422);
    expect(e.fieldErrors?.expiresOn?.[0]).toMatch(/expired on 2020-01-31/);
    expect(await db().inventoryLot.count({ where: { siteId: c.site.id, lotNumber: "OLD1" } })).toBe(0);
  });

  it("refuses the same lot of the same kit twice with a 409 at the lot number", async () => {
    const c = await fixture();
    await c.receive({ lotNumber: "DUP1" });
    const e = await refusal(c.receive({ lotNumber: "dup1" }));
    expect(e.status).toBe(409);
    expect(e.fieldErrors?.lotNumber).toBeDefined();
  });

  it("refuses a receiver who does not work at the site", async () => {
    const c = await fixture();
    const other = await fixture();
    const e = await refusal(c.receive({ lotNumber: "RCV1", receivedById: other.nurse.id }));
    expect(e.status).toBe(422);
    expect(e.fieldErrors?.receivedById).toBeDefined();
  });

  it("accepts only whole kits", () => {
    const r = receiveLotSchema.safeParse({
      siteId: "s",
      ndc: "50458-028-03",
      lotNumber: "A1",
      expiresOn: "2030-01-01",
      deviceCount: 10,
      supplier: "X",
      receivedById: "u",
    });
    expect(r.success).toBe(false);
    expect(
      receiveLotSchema.safeParse({
        siteId: "s",
        ndc: "50458-028-02",
        lotNumber: "A1",
        expiresOn: "2030-01-01",
        deviceCount: 10,
        supplier: "X",
        receivedById: "u",
      }).success,
    ).toBe(true);
  });
});

describe("wasting a device (R43)", () => {
  it("records the waste with its witness, marks the device wasted and audits it", async () => {
    const c = await fixture();
    const d = c.devices[0];
    await c.waste(d.id);
    expect((await db().device.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("WASTED");
    const w = await db().wasteRecord.findUniqueOrThrow({ where: { deviceId: d.id } });
    expect(w).toMatchObject({ wastedById: c.admin.id, witnessId: c.nurse.id, reason: "Dropped on the floor" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "inventory.waste", entityId: d.id } });
    expect(audit.after).toMatchObject({ status: "WASTED", witnessId: c.nurse.id });
    expect(JSON.stringify([audit.before, audit.after, audit.reason])).not.toContain(WITNESS_PASSWORD);
  });

  it("refuses yourself as the witness with a 422 at the witness field", async () => {
    const c = await fixture();
    const e = await refusal(c.waste(c.devices[0].id, { witnessId: c.admin.id }));
    expect(e.status).toBe(422);
    expect(e.fieldErrors?.witnessId?.[0]).toMatch(/second person/);
    expect((await db().device.findUniqueOrThrow({ where: { id: c.devices[0].id } })).status).toBe("ON_HAND");
  });

  it("refuses a witness of another site and a disabled witness", async () => {
    const c = await fixture();
    const other = await fixture();
    expect((await refusal(c.waste(c.devices[0].id, { witnessId: other.nurse.id }))).fieldErrors?.witnessId?.[0]).toMatch(/this site/);
    await db().user.update({ where: { id: c.psych.id }, data: { disabledAt: new Date() } });
    expect((await refusal(c.waste(c.devices[0].id, { witnessId: c.psych.id }))).fieldErrors?.witnessId?.[0]).toMatch(/disabled/);
  });

  it("refuses a wrong witness password at that field, audits the refusal and changes nothing", async () => {
    const c = await fixture();
    const e = await refusal(c.waste(c.devices[0].id, { witnessPassword: "not-the-password" }));
    expect(e.status).toBe(422);
    expect(e.fieldErrors?.witnessPassword).toBeDefined();
    expect(await db().wasteRecord.count({ where: { deviceId: c.devices[0].id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "inventory.waste_witness_refused", entityId: c.devices[0].id } })).toBe(1);
  });

  it("cannot be used to guess a witness's password: the device is checked first, and 5 wrong answers lock the witness's account", async () => {
    const c = await fixture();
    const e = await refusal(c.waste("no-such-device", { witnessPassword: WITNESS_PASSWORD }));
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["deviceId"]);
    for (let i = 0; i < 5; i++) await refusal(c.waste(c.devices[0].id, { witnessPassword: `guess-${i}` }));
    const locked = await refusal(c.waste(c.devices[0].id));
    expect(locked.fieldErrors?.witnessPassword).toBeDefined();
    expect(await db().wasteRecord.count({ where: { deviceId: c.devices[0].id } })).toBe(0);
  });

  it("refuses a device that is no longer on hand with a 409", async () => {
    const c = await fixture();
    await administer(c, [c.devices[0].id], new Date("2026-11-02T15:00:00Z"));
    const e = await refusal(c.waste(c.devices[0].id));
    expect(e.status).toBe(409);
    expect(e.fieldErrors?.deviceId?.[0]).toMatch(/no longer on hand \(administered\)/);
  });

  it("refuses a device of another lot", async () => {
    const c = await fixture();
    const other = await fixture();
    const e = await refusal(c.waste(other.devices[0].id));
    expect(e.status).toBe(422);
    expect(e.fieldErrors?.deviceId).toBeDefined();
  });

  it("lets a device's status change exactly once when a waste and a return race", async () => {
    const c = await fixture();
    const d = c.devices[1];
    const results = await Promise.allSettled([c.waste(d.id), c.ret(d.id), c.waste(d.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as HttpError).status).toBe(409);
    const row = await db().device.findUniqueOrThrow({ where: { id: d.id }, include: { waste: true, returnRecord: true } });
    expect(row.version).toBe(2);
    expect(Number(!!row.waste) + Number(!!row.returnRecord)).toBe(1);
  });

  it("lets the devices of an expired lot be wasted and returned (only administration refuses them, R20)", async () => {
    const c = await fixture({ lotExpiresOn: "2025-06-30" });
    await c.waste(c.devices[0].id);
    await c.ret(c.devices[1].id);
    const lot = await lotOf(c);
    expect(lot.expired).toBe(true);
    expect(lot.counts).toMatchObject({ wasted: 1, returned: 1, onHand: 4 });
  });
});

describe("reconciliation and physical counts (R44)", () => {
  it("counts received, administered (not entered in error), wasted, returned and on hand per lot", async () => {
    const c = await fixture();
    const { rows } = await administer(c, [c.devices[0].id, c.devices[1].id], new Date("2026-11-02T15:00:00Z"));
    // An administration entered in error puts its device back on hand (lib/sessions/commands.ts).
    await db().deviceAdministration.update({
      where: { id: rows[1].id },
      data: { enteredInErrorAt: new Date(), enteredInErrorById: c.nurse.id, enteredInErrorReason: "wrong session" },
    });
    await db().device.update({ where: { id: c.devices[1].id }, data: { status: "ON_HAND" } });
    await c.waste(c.devices[2].id);
    await c.ret(c.devices[3].id);
    const lot = await lotOf(c);
    expect(lot.counts).toMatchObject({ received: 6, administered: 1, wasted: 1, returned: 1, onHand: 3 });
    expect(lot.reconciliation).toEqual({ expected: 3, discrepancies: [] });
  });

  it("flags a device whose records disagree with its status", async () => {
    const c = await fixture();
    // A device marked administered without any administration record: it left the stock unaccounted.
    await db().device.update({ where: { id: c.devices[0].id }, data: { status: "ADMINISTERED" } });
    const lot = await lotOf(c);
    expect(lot.reconciliation.expected).toBe(6);
    expect(lot.counts.onHand).toBe(5);
    expect(lot.reconciliation.discrepancies.map((d) => d.code)).toEqual(["R44_ON_HAND_MISMATCH"]);
  });

  it("stores the expected stock computed by the server beside the count, and flags a mismatch", async () => {
    const c = await fixture();
    await administer(c, [c.devices[0].id], new Date("2026-11-02T15:00:00Z"));
    const first = await recordCount(c.actor, c.lotId, physicalCountSchema.parse({ countedDevices: 5 }));
    expect(first).toMatchObject({ countedDevices: 5, expectedDevices: 5, difference: 0, matches: true });
    expect((await lotOf(c)).reconciliation.discrepancies).toEqual([]);
    const second = await recordCount(c.actor, c.lotId, physicalCountSchema.parse({ countedDevices: 4, note: "one missing from the safe" }));
    expect(second).toMatchObject({ expectedDevices: 5, difference: -1, matches: false });
    const lot = await lotOf(c);
    expect(lot.counts.lastCount).toEqual({ countedDevices: 4, expectedDevices: 5 });
    expect(lot.reconciliation.discrepancies.map((d) => d.code)).toEqual(["R44_COUNT_MISMATCH"]);
    const detail = (await lotDetail(c.lotId))!;
    expect(detail.physicalCounts.map((x) => x.difference)).toEqual([-1, 0]);
    expect(detail.devicePage).toMatchObject({ page: 1, total: c.devices.length, pageCount: 1 });
    expect(await db().auditEvent.count({ where: { action: "inventory.count", entityId: second.id } })).toBe(1);
  });
});

describe("the lot page", () => {
  it("lists the devices on hand first, then the rest by serial, a page at a time, with every on-hand device for the forms", async () => {
    const c = await fixture();
    const serials = new Map(c.devices.map((d) => [d.id, d]));
    await administer(c, [c.devices[0].id, c.devices[1].id], new Date(Date.now() - 3_600_000));
    const first = (await lotDetail(c.lotId, 1, 2))!;
    expect(first.devicePage).toMatchObject({ page: 1, pageSize: 2, total: c.devices.length, pageCount: Math.ceil(c.devices.length / 2) });
    expect(first.devices.map((d) => d.status)).toEqual(["ON_HAND", "ON_HAND"]);
    expect(first.onHand.map((d) => d.id).sort()).toEqual(
      c.devices
        .slice(2)
        .map((d) => d.id)
        .sort(),
    );
    const last = (await lotDetail(c.lotId, first.devicePage.pageCount, 2))!;
    expect(last.devices.at(-1)).toMatchObject({ status: "ADMINISTERED" });
    expect(last.devices.at(-1)!.administered).not.toBeNull();
    expect(serials.size).toBe(c.devices.length);
    // A page past the last shows the last one.
    expect((await lotDetail(c.lotId, 99, 2))!.devicePage.page).toBe(first.devicePage.pageCount);
  });
});

describe("the dispensing log (R44)", () => {
  it("has one row per administered device with patient, dose, device, lot and nurse, by the site's local date", async () => {
    const c = await fixture();
    // 2026-11-03 02:30 UTC is still Nov 2 in New York.
    await administer(c, [c.devices[0].id, c.devices[1].id], new Date("2026-11-03T02:30:00Z"), { doseMg: 56 });
    await administer(c, [c.devices[2].id], new Date("2026-11-03T15:00:00Z"), { doseMg: 28 });
    // Its only device was entered in error: the patient was not dosed that day.
    const { rows: errored } = await administer(c, [c.devices[3].id], new Date("2026-11-02T16:00:00Z"), { status: "NOT_DOSED" });
    await db().deviceAdministration.update({ where: { id: errored[0].id }, data: { enteredInErrorAt: new Date() } });

    const nov2: unknown[] = [];
    for await (const r of dispensingRows({ siteId: c.site.id, from: "2026-11-02", to: "2026-11-02" }, 1)) nov2.push(r);
    expect(nov2).toEqual([
      // Entered in error: kept in the log and marked (the device went back on hand).
      expect.objectContaining({ date: "2026-11-02", time: "11:00", serial: c.devices[3].serial, enteredInError: "entered in error" }),
      expect.objectContaining({
        date: "2026-11-02",
        time: "21:30",
        enteredInError: null,
        patient: `${c.patient.lastName}, Pat`,
        mrn: c.patient.mrn,
        doseMg: 56,
        devicesInSession: 2,
        sequence: 1,
        serial: c.devices[0].serial,
        nurse: "nurse Test",
      }),
      expect.objectContaining({ date: "2026-11-02", time: "21:35", sequence: 2, serial: c.devices[1].serial }),
    ]);

    const csv = await new Response(dispensingCsvStream({ siteId: c.site.id, from: "2026-11-01", to: "2026-11-30" }, "America/New_York", 2)).text();
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(DISPENSING_CSV_HEADER);
    expect(rows.map((r) => r.deviceSerial)).toEqual([c.devices[3].serial, c.devices[0].serial, c.devices[1].serial, c.devices[2].serial]);
    expect(rows.map((r) => r.enteredInError)).toEqual(["entered in error", "", "", ""]);
    expect(rows[3]).toMatchObject({ date: "2026-11-03", time: "10:00", doseMg: "28", lotNumber: expect.stringMatching(/^L/) });

    // The screen's page holds exactly the local day's rows (the count too), in the same order.
    const page = await dispensingLogPage({ siteId: c.site.id, from: "2026-11-02", to: "2026-11-02" }, 1);
    expect(page).toMatchObject({ total: 3, pageCount: 1, page: 1 });
    expect(page.rows.map((r) => r.serial)).toEqual([c.devices[3].serial, c.devices[0].serial, c.devices[1].serial]);
    expect((await dispensingLogPage({ siteId: c.site.id, from: "2026-11-03", to: "2026-11-03" }, 1)).rows.map((r) => r.serial)).toEqual([c.devices[2].serial]);
  });
});

describe("who may witness or receive", () => {
  it("offers the active staff of the site, without the person recording and without disabled accounts", async () => {
    const c = await fixture();
    await db().user.update({ where: { id: c.psych.id }, data: { disabledAt: new Date() } });
    expect((await siteStaff(c.site.id, c.admin.id)).map((p) => p.id)).toEqual([c.nurse.id]);
    expect((await siteStaff(c.site.id)).map((p) => p.id).sort()).toEqual([c.admin.id, c.nurse.id].sort());
  });
});

describe("the dispensing log of one site", () => {
  it("leaves out another site's administrations", async () => {
    const c = await fixture();
    const other = await fixture();
    await administer(other, [other.devices[0].id], new Date("2026-11-02T15:00:00Z"));
    const rows = [];
    for await (const r of dispensingRows({ siteId: c.site.id, from: "2026-11-01", to: "2026-11-30" })) rows.push(r);
    expect(rows).toEqual([]);
  });
});
