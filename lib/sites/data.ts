import "server-only";
import { serverNow } from "@/lib/clock";
import { db, Prisma, transaction, type Tx } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { requireAdministers, type SiteScopedActor } from "@/lib/auth/admin-scope";
import { conflictError, HttpError, invalidInput, notFoundError } from "@/lib/http/errors";
import type { ArChange, SiteCreate, SiteUpdate } from "./schema";
import { addDays, dateOnly as dayOf, dateOnlyValue, siteDay } from "@/lib/time/days";

type Actor = NonNullable<AuditActor>;
/** Only an administrator of the site changes it; another site "does not exist" for them (404). */
const requireSite = (actor: SiteScopedActor, siteId: string) =>
  requireAdministers(actor, [siteId], { refuse: 404, entityType: "Site", entityId: siteId, what: "Site" });

const day = dayOf;
const dateOnly = dateOnlyValue;

// ---------------------------------------------------------------- reading

export type SiteListItem = {
  id: string;
  code: string;
  name: string;
  settingType: "OUTPATIENT" | "INPATIENT";
  certificationStatus: "PENDING" | "ACTIVE" | "RECERTIFICATION_REQUIRED" | "SUSPENDED";
  certifiedAt: string | null;
  timeZone: string;
  city: string;
  state: string;
  currentAr: string | null;
  activeChairs: number;
  deactivatedAt: string | null;
};

/** The sites the administrator administers (those on their own account). */
export async function listSites(actor: { siteIds: readonly string[] }): Promise<SiteListItem[]> {
  const sites = await db().site.findMany({
    where: { id: { in: [...actor.siteIds] } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      settingType: true,
      certificationStatus: true,
      certifiedAt: true,
      timeZone: true,
      city: true,
      state: true,
      deactivatedAt: true,
      authorizedRepresentatives: { where: { toDate: null }, select: { name: true }, take: 1 },
      _count: { select: { chairs: { where: { active: true } } } },
    },
  });
  return sites.map(({ authorizedRepresentatives, _count, certifiedAt, deactivatedAt, ...s }) => ({
    ...s,
    deactivatedAt: deactivatedAt?.toISOString() ?? null,
    certifiedAt: certifiedAt ? day(certifiedAt) : null,
    currentAr: authorizedRepresentatives[0]?.name ?? null,
    activeChairs: _count.chairs,
  }));
}

// Every field the edit form shows, and only those: also what the audit trail records before → after.
const editable = {
  name: true,
  settingType: true,
  certificationStatus: true,
  certifiedAt: true,
  remsSettingId: true,
  acquisitionMethods: true,
  pulseOximeterAttested: true,
  pulseOximeterAttestedAt: true,
  address1: true,
  address2: true,
  city: true,
  state: true,
  zip: true,
  phone: true,
  timeZone: true,
  postDoseAlertSystolic: true,
  postDoseAlertDiastolic: true,
  urgentSystolic: true,
  urgentDiastolic: true,
  spo2AlertThreshold: true,
  preDoseCeilingSystolic: true,
  preDoseCeilingDiastolic: true,
  idleLockMinutes: true,
  lateEntryMinutes: true,
  appointmentBlockMinutes: true,
  recertificationBlocksDosing: true,
  observationAnchor: true,
  version: true,
} as const satisfies Prisma.SiteSelect;
type EditableRow = Prisma.SiteGetPayload<{ select: typeof editable }>;

/** The site as plain values: dates as YYYY-MM-DD (or an ISO instant), absent text as "". */
const snapshot = (s: EditableRow) => ({
  ...s,
  certifiedAt: s.certifiedAt ? day(s.certifiedAt) : "",
  pulseOximeterAttestedAt: s.pulseOximeterAttestedAt?.toISOString() ?? null,
  remsSettingId: s.remsSettingId ?? "",
  address2: s.address2 ?? "",
  phone: s.phone ?? "",
});
export type SiteSnapshot = ReturnType<typeof snapshot>;

export type RepresentativeDto = { id: string; name: string; email: string; phone: string; fromDate: string; toDate: string | null };
export type ChairDto = { id: string; label: string; active: boolean };
export type SiteForEdit = SiteSnapshot & {
  id: string;
  code: string;
  deactivatedAt: string | null;
  currentAr: RepresentativeDto | null;
  pastArs: RepresentativeDto[];
  chairs: ChairDto[];
};

const arFields = { id: true, name: true, email: true, phone: true, fromDate: true, toDate: true } as const satisfies Prisma.AuthorizedRepresentativeSelect;
const arDto = (a: Prisma.AuthorizedRepresentativeGetPayload<{ select: typeof arFields }>): RepresentativeDto => ({
  id: a.id,
  name: a.name,
  email: a.email ?? "",
  phone: a.phone ?? "",
  fromDate: day(a.fromDate),
  toDate: a.toDate ? day(a.toDate) : null,
});

export async function siteForEdit(id: string): Promise<SiteForEdit | null> {
  const s = await db().site.findUnique({
    where: { id },
    select: {
      ...editable,
      id: true,
      code: true,
      deactivatedAt: true,
      authorizedRepresentatives: { orderBy: [{ fromDate: "desc" }, { createdAt: "desc" }], select: arFields },
      chairs: { orderBy: { label: "asc" }, select: { id: true, label: true, active: true } },
    },
  });
  if (!s) return null;
  const { authorizedRepresentatives, chairs, id: siteId, code, deactivatedAt, ...rest } = s;
  const ars = authorizedRepresentatives.map(arDto);
  return {
    ...snapshot(rest),
    id: siteId,
    code,
    deactivatedAt: deactivatedAt?.toISOString() ?? null,
    currentAr: ars.find((a) => !a.toDate) ?? null,
    pastArs: ars.filter((a) => a.toDate),
    chairs,
  };
}

// ---------------------------------------------------------------- writing

const duplicateCode = () => new HttpError(409, "DUPLICATE", "Another site already has this code.", { code: ["Another site already has this code"] });

/**
 * A new site with its chairs and first authorized representative, inside the caller's transaction
 * (first-run setup creates the administrator and the site together). The creating administrator
 * gets the site on their account, so they can work there at once.
 */
export async function insertSite(tx: Tx, actor: Actor, input: SiteCreate): Promise<{ id: string; version: number }> {
  const today = siteDay(serverNow(), input.timeZone);
  if (input.certifiedAt && input.certifiedAt > today) throw invalidInput({ certifiedAt: ["The certification date cannot be in the future"] });
  if (input.arFromDate && input.arFromDate > today) throw invalidInput({ arFromDate: ["The representative's start date cannot be in the future"] });
  if (await tx.site.findUnique({ where: { code: input.code }, select: { id: true } })) throw duplicateCode();
  const { certifiedAt, chairs, arName, arEmail, arPhone, arFromDate, ...fields } = input;
  const site = await tx.site.create({
    data: {
      ...fields,
      certifiedAt: certifiedAt ? dateOnly(certifiedAt) : null,
      remsSettingId: fields.remsSettingId || null,
      address2: fields.address2 || null,
      phone: fields.phone || null,
      pulseOximeterAttestedAt: fields.pulseOximeterAttested ? serverNow() : null,
      chairs: { create: chairs.map((c) => ({ label: c.label })) },
      ...(arName
        ? { authorizedRepresentatives: { create: { name: arName, email: arEmail || null, phone: arPhone || null, fromDate: dateOnly(arFromDate) } } }
        : {}),
      members: { create: { userId: actor.id } },
    },
    select: { id: true, code: true, ...editable },
  });
  const { id, code, ...rest } = site;
  await appendAudit(tx, {
    actor,
    action: "site.create",
    entityType: "Site",
    entityId: id,
    siteId: id,
    before: null,
    after: {
      ...snapshot(rest),
      code,
      chairs: chairs.map((c) => c.label),
      authorizedRepresentative: arName ? { name: arName, email: arEmail, phone: arPhone, fromDate: arFromDate } : null,
    },
  });
  return { id, version: site.version };
}

export async function createSite(actor: Actor, input: SiteCreate): Promise<{ id: string; version: number }> {
  try {
    return await transaction((tx) => insertSite(tx, actor, input));
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateCode(); // two administrators creating the same code at once
    throw e;
  }
}

/**
 * Deactivates (or reactivates) a site. History stays; a deactivated site takes no new sessions and
 * is left out of pickers. A site with a patient in a chair cannot be deactivated.
 */
export async function setSiteActive(actor: SiteScopedActor, siteId: string, active: boolean): Promise<{ id: string; version: number }> {
  return transaction(async (tx) => {
    await requireSite(actor, siteId);
    const locked = await tx.$queryRaw<
      { deactivatedAt: Date | null; version: number }[]
    >`SELECT "deactivatedAt", version FROM "Site" WHERE id = ${siteId} FOR UPDATE`;
    if (!locked.length) throw notFoundError("Site");
    const before = { deactivatedAt: locked[0].deactivatedAt?.toISOString() ?? null, version: locked[0].version };
    if (active === !before.deactivatedAt) throw new HttpError(409, "ALREADY", active ? "This site is already active." : "This site is already deactivated.");
    if (!active) {
      const inChair = await tx.treatmentSession.count({ where: { siteId, status: { in: [...IN_CHAIR] } } });
      if (inChair)
        throw new HttpError(
          422,
          "SITE_IN_USE",
          `${inChair === 1 ? "A patient is" : `${inChair} patients are`} in a chair at this site. Deactivate it after the sessions end.`,
        );
    }
    const updated = await tx.site.update({
      where: { id: siteId },
      data: { deactivatedAt: active ? null : serverNow(), version: { increment: 1 } },
      select: { deactivatedAt: true, version: true },
    });
    const after = { deactivatedAt: updated.deactivatedAt?.toISOString() ?? null, version: updated.version };
    await appendAudit(tx, { actor, action: active ? "site.reactivate" : "site.deactivate", entityType: "Site", entityId: siteId, siteId, before, after });
    return { id: siteId, version: updated.version };
  });
}

/**
 * Saves the site form. Optimistic concurrency: the update matches {id, version}; no match means
 * someone saved (or changed the representative) since the form was opened → 409.
 */
export async function updateSite(actor: SiteScopedActor, id: string, input: SiteUpdate): Promise<{ id: string; version: number }> {
  return transaction(async (tx) => {
    await requireSite(actor, id);
    const row = await tx.site.findUnique({
      where: { id },
      select: { ...editable, authorizedRepresentatives: { where: { toDate: null }, select: { fromDate: true } } },
    });
    if (!row) throw notFoundError("Site");
    const { authorizedRepresentatives: current, ...beforeRow } = row;
    const before = snapshot(beforeRow);
    // A stale form is a conflict first: its other checks were made against values that no longer hold.
    if (before.version !== input.version) throw conflictError("site");

    const today = siteDay(serverNow(), input.timeZone);
    if (input.certifiedAt && input.certifiedAt > today) throw invalidInput({ certifiedAt: ["The certification date cannot be in the future"] });
    // R2: after a change of representative the site is certified again only by a certification on or after the change.
    const arSince = current[0] ? day(current[0].fromDate) : null;
    if (before.certificationStatus === "RECERTIFICATION_REQUIRED" && input.certificationStatus === "ACTIVE" && arSince && input.certifiedAt < arSince)
      throw invalidInput({ certifiedAt: [`Re-certification must be dated on or after ${arSince}, when the current representative took over`] });

    const { version, certifiedAt, ...fields } = input;
    const attestedAt = !input.pulseOximeterAttested ? null : before.pulseOximeterAttested ? beforeRow.pulseOximeterAttestedAt : serverNow();
    const { count } = await tx.site.updateMany({
      where: { id, version },
      data: {
        ...fields,
        certifiedAt: certifiedAt ? dateOnly(certifiedAt) : null,
        remsSettingId: fields.remsSettingId || null,
        address2: fields.address2 || null,
        phone: fields.phone || null,
        pulseOximeterAttestedAt: attestedAt,
        version: { increment: 1 },
      },
    });
    if (!count) throw conflictError("site");
    const after = snapshot(await tx.site.findUniqueOrThrow({ where: { id }, select: editable }));
    await appendAudit(tx, { actor, action: "site.update", entityType: "Site", entityId: id, siteId: id, before, after });
    return { id, version: after.version };
  });
}

/**
 * R2: a site has exactly one current Authorized Representative. A change closes the current one on the
 * day before `fromDate`, opens the new one, and sets the site to "re-certification required" until a
 * new certification is recorded — all in one transaction, audited.
 */
export async function changeAuthorizedRepresentative(actor: SiteScopedActor, siteId: string, input: ArChange): Promise<{ id: string; version: number }> {
  return transaction(async (tx) => {
    await requireSite(actor, siteId);
    // Row lock: two simultaneous changes would otherwise both see the same "current" representative.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Site" WHERE id = ${siteId} FOR UPDATE`;
    if (!locked.length) throw notFoundError("Site");
    const site = await tx.site.findUniqueOrThrow({
      where: { id: siteId },
      select: { certificationStatus: true, timeZone: true, version: true, authorizedRepresentatives: { where: { toDate: null }, select: arFields } },
    });
    const open = site.authorizedRepresentatives.map(arDto);
    const today = siteDay(serverNow(), site.timeZone);
    if (input.fromDate > today) throw invalidInput({ fromDate: ["Record the change on or after the day it takes effect, not in advance"] });
    const latest = open.reduce<string | null>((m, a) => (m && m > a.fromDate ? m : a.fromDate), null);
    if (latest && input.fromDate <= latest) throw invalidInput({ fromDate: [`Must be after ${latest}, when the current representative took over`] });

    const closedOn = addDays(input.fromDate, -1);
    await tx.authorizedRepresentative.updateMany({ where: { siteId, toDate: null }, data: { toDate: dateOnly(closedOn) } });
    const created = await tx.authorizedRepresentative.create({
      data: { siteId, name: input.name, email: input.email || null, phone: input.phone || null, fromDate: dateOnly(input.fromDate) },
      select: arFields,
    });
    const updated = await tx.site.update({
      where: { id: siteId },
      data: { certificationStatus: "RECERTIFICATION_REQUIRED", version: { increment: 1 } },
      select: { version: true },
    });
    await appendAudit(tx, {
      actor,
      action: "site.ar_change",
      entityType: "Site",
      entityId: siteId,
      siteId,
      before: { currentRepresentatives: open, certificationStatus: site.certificationStatus, version: site.version },
      after: {
        closed: open.map((a) => ({ ...a, toDate: closedOn })),
        currentRepresentative: arDto(created),
        certificationStatus: "RECERTIFICATION_REQUIRED",
        version: updated.version,
      },
    });
    return { id: created.id, version: updated.version };
  });
}

// ---------------------------------------------------------------- chairs

const IN_CHAIR = ["CHECKED_IN", "DOSING", "MONITORING"] as const;
const duplicateLabel = () => invalidInput({ label: ["This site already has a chair with that name"] });
const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

export async function addChair(actor: SiteScopedActor, siteId: string, label: string): Promise<ChairDto> {
  try {
    return await transaction(async (tx) => {
      await requireSite(actor, siteId);
      if (!(await tx.site.findUnique({ where: { id: siteId }, select: { id: true } }))) throw notFoundError("Site");
      const chair = await tx.chair.create({ data: { siteId, label }, select: { id: true, label: true, active: true } });
      await appendAudit(tx, { actor, action: "chair.create", entityType: "Chair", entityId: chair.id, siteId, before: null, after: chair });
      return chair;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateLabel();
    throw e;
  }
}

/** Rename or (de)activate a chair. A chair with a patient in it cannot be taken out of service. */
export async function updateChair(actor: SiteScopedActor, siteId: string, chairId: string, input: { label: string; active: boolean }): Promise<ChairDto> {
  try {
    return await transaction(async (tx) => {
      await requireSite(actor, siteId);
      const before = await tx.chair.findFirst({ where: { id: chairId, siteId }, select: { id: true, label: true, active: true } });
      if (!before) throw notFoundError("Chair");
      if (before.active && !input.active) {
        const occupied = await tx.treatmentSession.count({ where: { chairId, status: { in: [...IN_CHAIR] } } });
        if (occupied) throw new HttpError(422, "CHAIR_IN_USE", `${before.label} has a patient in it. Take it out of service after the session ends.`);
      }
      const after = await tx.chair.update({ where: { id: chairId }, data: input, select: { id: true, label: true, active: true } });
      await appendAudit(tx, { actor, action: "chair.update", entityType: "Chair", entityId: chairId, siteId, before, after });
      return after;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateLabel();
    throw e;
  }
}
