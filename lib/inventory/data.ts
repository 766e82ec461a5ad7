import "server-only";
import { COUNT_CAP, offsetOf, PAGE_SIZE, pageInfo, type PageInfo, type Paged } from "@/lib/tables/list-query";
import { serverNow } from "@/lib/clock";
import { db, Prisma, transaction, type Tx } from "@/lib/db/client";
import { appendAudit, recordAudit, type AuditActor } from "@/lib/audit/data";
import { confirmPassword } from "@/lib/auth/confirm-password";
import { HttpError, invalidInput, notFoundError, ruleUnmet } from "@/lib/http/errors";
import { csvFromRows } from "@/lib/reports/csv";
import { formatTime } from "@/lib/time/format";
import {
  countDifference,
  deviceSerials,
  disposalChecks,
  KITS,
  localDaysWindow,
  lotExpired,
  lotReconciliation,
  receivingChecks,
  witnessChecks,
  type DeviceStatus,
  type LotCounts,
  type Ndc,
  type Reconciliation,
} from "./rules";
import type { DispensingLogQuery, PhysicalCount, ReceiveLot, ReturnDevice, WasteDevice } from "./schema";
import { dateOnly, siteDay } from "@/lib/time/days";

type Actor = NonNullable<AuditActor>;
const day = dateOnly;
const personName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;

async function namesOf(ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const users = await db().user.findMany({ where: { id: { in: wanted } }, select: { id: true, firstName: true, lastName: true } });
  return new Map(users.map((u) => [u.id, personName(u)]));
}

async function siteOrThrow(tx: Tx, siteId: string) {
  const site = await tx.site.findUnique({ where: { id: siteId }, select: { id: true, timeZone: true } });
  if (!site) throw invalidInput({ siteId: ["Choose a site from the list"] });
  return site;
}

/** The site of a lot (for authorization); null when there is no such lot. */
export const lotSite = async (lotId: string) => (await db().inventoryLot.findUnique({ where: { id: lotId }, select: { siteId: true } }))?.siteId ?? null;

// ---------------------------------------------------------------------------------------------
// Reconciliation (R44)

type CountRow = { lotId: string; deviceRows: number; onHand: number; administered: number; wasted: number; returned: number };

/** Per lot: device rows, on hand, live administrations, waste and return records — one query. */
async function countsOf(client: Tx | ReturnType<typeof db>, lotIds: string[]): Promise<Map<string, CountRow>> {
  if (!lotIds.length) return new Map();
  const rows = await client.$queryRaw<CountRow[]>`
    SELECT d."lotId" AS "lotId",
           count(*)::int AS "deviceRows",
           count(*) FILTER (WHERE d.status = 'ON_HAND')::int AS "onHand",
           count(a.id) FILTER (WHERE a."enteredInErrorAt" IS NULL)::int AS administered,
           count(w.id)::int AS wasted,
           count(r.id)::int AS returned
    FROM "Device" d
    LEFT JOIN "DeviceAdministration" a ON a."deviceId" = d.id
    LEFT JOIN "WasteRecord" w ON w."deviceId" = d.id
    LEFT JOIN "ReturnRecord" r ON r."deviceId" = d.id
    WHERE d."lotId" IN (${Prisma.join(lotIds)})
    GROUP BY d."lotId"`;
  return new Map(rows.map((r) => [r.lotId, r]));
}

async function lastCountsOf(lotIds: string[]) {
  if (!lotIds.length) return new Map<string, { countedAt: Date; countedDevices: number; expectedDevices: number }>();
  const rows = await db().inventoryCount.findMany({
    where: { lotId: { in: lotIds } },
    orderBy: [{ lotId: "asc" }, { countedAt: "desc" }],
    distinct: ["lotId"],
    select: { lotId: true, countedAt: true, countedDevices: true, expectedDevices: true },
  });
  return new Map(rows.map((r) => [r.lotId, r]));
}

const lotCounts = (received: number, c: CountRow | undefined, last: LotCounts["lastCount"]): LotCounts => ({
  received,
  deviceRows: c?.deviceRows ?? 0,
  administered: c?.administered ?? 0,
  wasted: c?.wasted ?? 0,
  returned: c?.returned ?? 0,
  onHand: c?.onHand ?? 0,
  lastCount: last,
});

export type LotSummary = {
  id: string;
  lotNumber: string;
  ndc: string;
  kit: string;
  expiresOn: string;
  expired: boolean;
  receivedAt: string;
  supplier: string;
  counts: LotCounts;
  reconciliation: Reconciliation;
  lastCountAt: string | null;
};

/** Every lot of a site with its reconciliation, newest expiry last; `today` is the site-local date. */
export async function siteLots(siteId: string, today: string): Promise<LotSummary[]> {
  const lots = await db().inventoryLot.findMany({
    where: { siteId },
    orderBy: [{ expiresOn: "asc" }, { lotNumber: "asc" }],
    select: { id: true, lotNumber: true, ndc: true, kitDescription: true, expiresOn: true, receivedAt: true, supplier: true, deviceCount: true },
  });
  const ids = lots.map((l) => l.id);
  const [counts, last] = await Promise.all([countsOf(db(), ids), lastCountsOf(ids)]);
  return lots.map((l) => {
    const lc = last.get(l.id);
    const c = lotCounts(l.deviceCount, counts.get(l.id), lc ? { countedDevices: lc.countedDevices, expectedDevices: lc.expectedDevices } : null);
    return {
      id: l.id,
      lotNumber: l.lotNumber,
      ndc: l.ndc,
      kit: l.kitDescription ?? KITS[l.ndc as Ndc]?.label ?? l.ndc,
      expiresOn: day(l.expiresOn),
      expired: lotExpired(day(l.expiresOn), today),
      receivedAt: l.receivedAt.toISOString(),
      supplier: l.supplier,
      counts: c,
      reconciliation: lotReconciliation(c),
      lastCountAt: lc?.countedAt.toISOString() ?? null,
    };
  });
}

export type DeviceRowDto = {
  id: string;
  serial: string;
  status: DeviceStatus;
  administered: { at: string; sessionId: string; patient: string; mrn: string; nurse: string } | null;
  wasted: { at: string; reason: string; by: string; witness: string } | null;
  returned: { at: string; to: string; reason: string; by: string } | null;
};
export type LotDetail = LotSummary & {
  siteId: string;
  siteName: string;
  timeZone: string;
  receivedBy: string;
  /** One page of the lot's devices, those on hand first (then by serial). */
  devices: DeviceRowDto[];
  devicePage: PageInfo;
  /** Every device still on hand (the waste and return forms choose among them). */
  onHand: { id: string; serial: string }[];
  physicalCounts: {
    id: string;
    countedAt: string;
    countedBy: string;
    countedDevices: number;
    expectedDevices: number;
    difference: number;
    note: string | null;
  }[];
};

/**
 * One lot with a page of its devices' fates (on hand first) and the history of physical counts; null when
 * there is no such lot.
 */
export async function lotDetail(lotId: string, page = 1, pageSize = PAGE_SIZE): Promise<LotDetail | null> {
  const [total, onHand] = await Promise.all([
    db().device.count({ where: { lotId } }),
    db().device.findMany({ where: { lotId, status: "ON_HAND" }, orderBy: { serial: "asc" }, select: { id: true, serial: true } }),
  ]);
  const devicePage = pageInfo(total, page, pageSize, Number.MAX_SAFE_INTEGER);
  const pageIds = (
    await db().$queryRaw<{ id: string }[]>`SELECT id FROM "Device" WHERE "lotId" = ${lotId}
    ORDER BY (status <> 'ON_HAND'), serial, id LIMIT ${pageSize} OFFSET ${offsetOf(devicePage)}`
  ).map((r) => r.id);
  const lot = await db().inventoryLot.findUnique({
    where: { id: lotId },
    select: {
      id: true,
      siteId: true,
      lotNumber: true,
      ndc: true,
      kitDescription: true,
      expiresOn: true,
      receivedAt: true,
      supplier: true,
      receivedById: true,
      deviceCount: true,
      site: { select: { name: true, timeZone: true } },
      counts: {
        orderBy: { countedAt: "desc" },
        select: { id: true, countedAt: true, countedById: true, countedDevices: true, expectedDevices: true, note: true },
      },
      devices: {
        where: { id: { in: pageIds } },
        select: {
          id: true,
          serial: true,
          status: true,
          administrations: {
            where: { enteredInErrorAt: null },
            take: 1,
            select: {
              administeredAt: true,
              enteredInErrorAt: true,
              recordedById: true,
              session: { select: { id: true, patient: { select: { firstName: true, lastName: true, mrn: true } } } },
            },
          },
          waste: { select: { wastedAt: true, reason: true, wastedById: true, witnessId: true } },
          returnRecord: { select: { returnedAt: true, returnedTo: true, reason: true, returnedById: true } },
        },
      },
    },
  });
  if (!lot) return null;
  const tz = lot.site.timeZone;
  const names = await namesOf([
    lot.receivedById,
    ...lot.counts.map((c) => c.countedById),
    ...lot.devices.flatMap((d) => [d.administrations[0]?.recordedById, d.waste?.wastedById, d.waste?.witnessId, d.returnRecord?.returnedById]),
  ]);
  const name = (id: string) => names.get(id) ?? "Unknown user";
  const [counts, last] = await Promise.all([countsOf(db(), [lot.id]), lastCountsOf([lot.id])]);
  const lc = last.get(lot.id);
  const c = lotCounts(lot.deviceCount, counts.get(lot.id), lc ? { countedDevices: lc.countedDevices, expectedDevices: lc.expectedDevices } : null);
  return {
    id: lot.id,
    siteId: lot.siteId,
    siteName: lot.site.name,
    timeZone: tz,
    lotNumber: lot.lotNumber,
    ndc: lot.ndc,
    kit: lot.kitDescription ?? KITS[lot.ndc as Ndc]?.label ?? lot.ndc,
    expiresOn: day(lot.expiresOn),
    expired: lotExpired(day(lot.expiresOn), siteDay(serverNow(), tz)),
    receivedAt: lot.receivedAt.toISOString(),
    supplier: lot.supplier,
    receivedBy: name(lot.receivedById),
    counts: c,
    reconciliation: lotReconciliation(c),
    lastCountAt: lc?.countedAt.toISOString() ?? null,
    devicePage,
    onHand,
    devices: lot.devices
      .sort((a, b) => pageIds.indexOf(a.id) - pageIds.indexOf(b.id))
      .map((d) => {
        const a = d.administrations[0] ?? null;
        return {
          id: d.id,
          serial: d.serial,
          status: d.status,
          administered: a
            ? {
                at: a.administeredAt.toISOString(),
                sessionId: a.session.id,
                patient: `${a.session.patient.lastName}, ${a.session.patient.firstName}`,
                mrn: a.session.patient.mrn,
                nurse: name(a.recordedById),
              }
            : null,
          wasted: d.waste
            ? { at: d.waste.wastedAt.toISOString(), reason: d.waste.reason, by: name(d.waste.wastedById), witness: name(d.waste.witnessId) }
            : null,
          returned: d.returnRecord
            ? {
                at: d.returnRecord.returnedAt.toISOString(),
                to: d.returnRecord.returnedTo,
                reason: d.returnRecord.reason,
                by: name(d.returnRecord.returnedById),
              }
            : null,
        };
      }),
    physicalCounts: lot.counts.map((x) => ({
      id: x.id,
      countedAt: x.countedAt.toISOString(),
      countedBy: name(x.countedById),
      countedDevices: x.countedDevices,
      expectedDevices: x.expectedDevices,
      difference: countDifference(x.countedDevices, x.expectedDevices).difference,
      note: x.note,
    })),
  };
}

export type PersonOption = { id: string; name: string; role: string };

/** Active staff of a site (for "received by" and the waste witness), optionally without one person. */
export async function siteStaff(siteId: string, exceptUserId?: string): Promise<PersonOption[]> {
  const users = await db().user.findMany({
    where: { disabledAt: null, sites: { some: { siteId } }, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, firstName: true, lastName: true, role: true },
  });
  return users.map((u) => ({ id: u.id, name: personName(u), role: u.role }));
}

// ---------------------------------------------------------------------------------------------
// Writes: each in one transaction with its audit row (R46)

const duplicateLot = (lotNumber: string) =>
  new HttpError(409, "DUPLICATE", `Lot ${lotNumber} of this kit is already recorded at this site.`, {
    lotNumber: ["This lot of this kit is already recorded at this site"],
  });
const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

/** R44: receive a lot — one device row per device, all on hand. An expired lot is refused. */
export async function receiveLot(actor: Actor, input: ReceiveLot): Promise<{ id: string; devices: number }> {
  try {
    return await transaction(async (tx) => {
      const site = await siteOrThrow(tx, input.siteId);
      const now = serverNow();
      const unmet = receivingChecks(input, siteDay(now, site.timeZone));
      if (unmet.length) throw ruleUnmet(unmet);
      const receiver = await tx.user.findFirst({
        where: { id: input.receivedById, disabledAt: null, sites: { some: { siteId: site.id } } },
        select: { id: true },
      });
      if (!receiver) throw invalidInput({ receivedById: ["Choose an active member of this site's staff"] });
      const lot = await tx.inventoryLot.create({
        data: {
          siteId: site.id,
          ndc: input.ndc,
          kitDescription: KITS[input.ndc].label,
          lotNumber: input.lotNumber,
          expiresOn: new Date(`${input.expiresOn}T00:00:00Z`),
          receivedAt: input.receivedAt ?? now,
          supplier: input.supplier,
          receivedById: receiver.id,
          deviceCount: input.deviceCount,
        },
        select: { id: true },
      });
      await tx.device.createMany({ data: deviceSerials(input.lotNumber, input.deviceCount).map((serial) => ({ lotId: lot.id, serial })) });
      await appendAudit(tx, {
        actor,
        action: "inventory.receive",
        entityType: "InventoryLot",
        entityId: lot.id,
        siteId: site.id,
        before: null,
        after: { ...input, receivedAt: (input.receivedAt ?? now).toISOString(), devicesCreated: input.deviceCount },
      });
      return { id: lot.id, devices: input.deviceCount };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateLot(input.lotNumber);
    throw e;
  }
}

/** The device of this lot, locked for the rest of the transaction, and still on hand (else 409). */
async function onHandDevice(tx: Tx, lotId: string, deviceId: string) {
  const [device] = await tx.$queryRaw<{ id: string; serial: string; status: DeviceStatus; version: number }[]>`
    SELECT id, serial, status::text AS status, version FROM "Device" WHERE id = ${deviceId} AND "lotId" = ${lotId} FOR UPDATE`;
  if (!device) throw invalidInput({ deviceId: ["Choose a device of this lot"] });
  const unmet = disposalChecks(device);
  if (unmet.length) throw new HttpError(409, "DEVICE_NOT_ON_HAND", unmet[0].message, { deviceId: [unmet[0].message] });
  return device;
}

async function setStatus(tx: Tx, device: { id: string; version: number }, status: "WASTED" | "RETURNED") {
  const { count } = await tx.device.updateMany({
    where: { id: device.id, status: "ON_HAND", version: device.version },
    data: { status, version: { increment: 1 } },
  });
  if (!count)
    throw new HttpError(409, "DEVICE_NOT_ON_HAND", "Someone else just changed this device. Reload to see its state.", {
      deviceId: ["This device was just changed by someone else"],
    });
}

/**
 * R43: waste one on-hand device, witnessed by another active user of the same site who confirms
 * with their own password. Devices of an expired lot may be wasted (that is how they leave).
 */
export async function wasteDevice(actor: Actor, lotId: string, input: WasteDevice): Promise<{ id: string; serial: string }> {
  const lot = await db().inventoryLot.findUnique({ where: { id: lotId }, select: { siteId: true } });
  if (!lot) throw notFoundError("Lot");
  const w = await db().user.findUnique({
    where: { id: input.witnessId },
    select: { id: true, email: true, disabledAt: true, passwordHash: true, sites: { select: { siteId: true } } },
  });
  const unmet = witnessChecks(actor.id, lot.siteId, w && { id: w.id, active: !w.disabledAt, siteIds: w.sites.map((s) => s.siteId) });
  if (unmet.length) throw ruleUnmet(unmet);
  // The device is checked before the password, so the form cannot be used to try passwords without a real waste.
  await onHandDevice(db(), lotId, input.deviceId);
  if (!(await confirmPassword(w!, input.witnessPassword))) {
    await recordAudit({
      actor,
      action: "inventory.waste_witness_refused",
      entityType: "Device",
      entityId: input.deviceId,
      siteId: lot.siteId,
      reason: `witness ${w!.email}: password did not match`,
    });
    throw invalidInput({ witnessPassword: ["This is not the witness's password"] }, "The witness's password did not match.");
  }
  return transaction(async (tx) => {
    const device = await onHandDevice(tx, lotId, input.deviceId);
    await setStatus(tx, device, "WASTED");
    const row = await tx.wasteRecord.create({
      data: { deviceId: device.id, wastedAt: serverNow(), reason: input.reason, wastedById: actor.id, witnessId: w!.id },
      select: { id: true, wastedAt: true },
    });
    await appendAudit(tx, {
      actor,
      action: "inventory.waste",
      entityType: "Device",
      entityId: device.id,
      siteId: lot.siteId,
      reason: input.reason,
      before: { status: "ON_HAND" },
      after: { status: "WASTED", serial: device.serial, wasteRecordId: row.id, wastedAt: row.wastedAt, witnessId: w!.id, witnessEmail: w!.email },
    });
    return { id: row.id, serial: device.serial };
  });
}

/** R43: return one on-hand device (to the supplier or a reverse distributor). */
export async function returnDevice(actor: Actor, lotId: string, input: ReturnDevice): Promise<{ id: string; serial: string }> {
  const lot = await db().inventoryLot.findUnique({ where: { id: lotId }, select: { siteId: true } });
  if (!lot) throw notFoundError("Lot");
  return transaction(async (tx) => {
    const device = await onHandDevice(tx, lotId, input.deviceId);
    await setStatus(tx, device, "RETURNED");
    const row = await tx.returnRecord.create({
      data: { deviceId: device.id, returnedAt: serverNow(), returnedTo: input.returnedTo, reason: input.reason, returnedById: actor.id },
      select: { id: true, returnedAt: true },
    });
    await appendAudit(tx, {
      actor,
      action: "inventory.return",
      entityType: "Device",
      entityId: device.id,
      siteId: lot.siteId,
      reason: input.reason,
      before: { status: "ON_HAND" },
      after: { status: "RETURNED", serial: device.serial, returnRecordId: row.id, returnedAt: row.returnedAt, returnedTo: input.returnedTo },
    });
    return { id: row.id, serial: device.serial };
  });
}

/**
 * A physical count: the expected stock (received − administered − wasted − returned) is computed
 * here, at the moment of saving, under a lock on the lot, and stored beside what was counted.
 */
export async function recordCount(actor: Actor, lotId: string, input: PhysicalCount) {
  return transaction(async (tx) => {
    const [lot] = await tx.$queryRaw<{ id: string; siteId: string; deviceCount: number }[]>`
      SELECT id, "siteId", "deviceCount" FROM "InventoryLot" WHERE id = ${lotId} FOR UPDATE`;
    if (!lot) throw notFoundError("Lot");
    const c = lotCounts(lot.deviceCount, (await countsOf(tx, [lotId])).get(lotId), null);
    const { expected } = lotReconciliation(c);
    const row = await tx.inventoryCount.create({
      data: { lotId, countedAt: serverNow(), countedById: actor.id, countedDevices: input.countedDevices, expectedDevices: expected, note: input.note || null },
      select: { id: true, countedAt: true, countedDevices: true, expectedDevices: true },
    });
    const diff = countDifference(row.countedDevices, row.expectedDevices);
    await appendAudit(tx, {
      actor,
      action: "inventory.count",
      entityType: "InventoryCount",
      entityId: row.id,
      siteId: lot.siteId,
      reason: input.note || null,
      after: { lotId, countedAt: row.countedAt, countedDevices: row.countedDevices, expectedDevices: row.expectedDevices, difference: diff.difference },
    });
    return { id: row.id, countedDevices: row.countedDevices, expectedDevices: row.expectedDevices, ...diff };
  });
}

// ---------------------------------------------------------------------------------------------
// Dispensing log (R44, REMS.md §6): one row per administered device

export type DispensingRow = {
  administrationId: string;
  administeredAt: string;
  date: string;
  time: string;
  patient: string;
  mrn: string;
  doseMg: number | null;
  devicesInSession: number;
  sequence: number;
  serial: string;
  lotNumber: string;
  ndc: string;
  nurse: string;
  sessionId: string;
  /** The reason, when this administration was entered in error (the device went back on hand). */
  enteredInError: string | null;
};

/** Administered devices of a site whose site-local date is in [from, to], oldest first, a page at a time. */
// Entries in error stay in the log, marked: the device went back on hand and may be given again.
const dispensingWhere = (q: DispensingLogQuery, timeZone: string) => ({
  session: { siteId: q.siteId },
  administeredAt: localDaysWindow(q.from, q.to, timeZone),
});
const DISPENSING_ORDER = [{ administeredAt: "asc" as const }, { id: "asc" as const }];
const DISPENSING_SELECT = {
  id: true,
  sequence: true,
  administeredAt: true,
  recordedById: true,
  enteredInErrorAt: true,
  enteredInErrorReason: true,
  device: { select: { serial: true, lot: { select: { lotNumber: true, ndc: true } } } },
  session: {
    select: {
      id: true,
      plannedDoseMg: true,
      patient: { select: { firstName: true, lastName: true, mrn: true } },
      _count: { select: { devices: { where: { enteredInErrorAt: null } } } },
    },
  },
} satisfies Prisma.DeviceAdministrationSelect;
type DispensingRecord = Prisma.DeviceAdministrationGetPayload<{ select: typeof DISPENSING_SELECT }>;

async function dispensingRowsOf(page: DispensingRecord[], tz: string): Promise<DispensingRow[]> {
  const names = await namesOf(page.map((p) => p.recordedById));
  return page.map((a) => ({
    administrationId: a.id,
    administeredAt: a.administeredAt.toISOString(),
    date: siteDay(a.administeredAt, tz),
    time: formatTime(a.administeredAt, tz),
    patient: `${a.session.patient.lastName}, ${a.session.patient.firstName}`,
    mrn: a.session.patient.mrn,
    doseMg: a.session.plannedDoseMg,
    devicesInSession: a.session._count.devices,
    sequence: a.sequence,
    serial: a.device.serial,
    lotNumber: a.device.lot.lotNumber,
    ndc: a.device.lot.ndc,
    nurse: names.get(a.recordedById) ?? "Unknown user",
    sessionId: a.session.id,
    enteredInError: a.enteredInErrorAt ? a.enteredInErrorReason || "entered in error" : null,
  }));
}

export async function* dispensingRows(q: DispensingLogQuery, pageSize = 1000): AsyncGenerator<DispensingRow> {
  const site = await db().site.findUnique({ where: { id: q.siteId }, select: { timeZone: true } });
  if (!site) return;
  let cursor: string | undefined;
  for (;;) {
    const page = await db().deviceAdministration.findMany({
      where: dispensingWhere(q, site.timeZone),
      orderBy: DISPENSING_ORDER,
      take: pageSize,
      select: DISPENSING_SELECT,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (!page.length) return;
    cursor = page[page.length - 1].id;
    yield* await dispensingRowsOf(page, site.timeZone);
    if (page.length < pageSize) return;
  }
}

/** One page of the log for the screen (the CSV streams them all). */
export async function dispensingLogPage(q: DispensingLogQuery, page: number): Promise<Paged<DispensingRow>> {
  const site = await db().site.findUniqueOrThrow({ where: { id: q.siteId }, select: { timeZone: true } });
  const where = dispensingWhere(q, site.timeZone);
  const info = pageInfo(await db().deviceAdministration.count({ where, take: COUNT_CAP + 1 }), page);
  const records = await db().deviceAdministration.findMany({
    where,
    orderBy: DISPENSING_ORDER,
    skip: offsetOf(info),
    take: info.pageSize,
    select: DISPENSING_SELECT,
  });
  return { ...info, rows: await dispensingRowsOf(records, site.timeZone) };
}

export const DISPENSING_CSV_HEADER = [
  "date",
  "time",
  "timeZone",
  "administeredAtUtc",
  "patient",
  "mrn",
  "doseMg",
  "devicesInSession",
  "deviceSequence",
  "deviceSerial",
  "lotNumber",
  "ndc",
  "nurse",
  "sessionId",
  "enteredInError",
];

/** The dispensing log as CSV, streamed page by page. */
export function dispensingCsvStream(q: DispensingLogQuery, timeZone: string, pageSize = 1000): ReadableStream<Uint8Array> {
  return csvFromRows(
    DISPENSING_CSV_HEADER,
    dispensingRows(q, pageSize),
    (r) => [
      r.date,
      r.time,
      timeZone,
      r.administeredAt,
      r.patient,
      r.mrn,
      r.doseMg,
      r.devicesInSession,
      r.sequence,
      r.serial,
      r.lotNumber,
      r.ndc,
      r.nurse,
      r.sessionId,
      r.enteredInError ?? "",
    ],
    pageSize,
  );
}
