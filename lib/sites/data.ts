import "server-only";
import { db, transaction } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { conflictError, notFoundError } from "@/lib/http/errors";
import { addDays } from "@/lib/sessions/local-time";
import type { z } from "zod";
import type { arChangeSchema, siteSchema } from "./schema";

type Actor = NonNullable<AuditActor>;
const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const listSites = () =>
  db().site.findMany({ orderBy: { name: "asc" }, select: { id: true, code: true, name: true, settingType: true, certificationStatus: true, timeZone: true, city: true, state: true } });

export async function siteForEdit(id: string) {
  const s = await db().site.findUnique({
    where: { id },
    include: { authorizedRepresentatives: { orderBy: { fromDate: "desc" } }, chairs: { orderBy: { label: "asc" }, select: { id: true, label: true, active: true } } },
  });
  if (!s) return null;
  return {
    ...s,
    certifiedAt: s.certifiedAt?.toISOString().slice(0, 10) ?? "",
    remsSettingId: s.remsSettingId ?? "", address2: s.address2 ?? "", phone: s.phone ?? "",
    currentAr: s.authorizedRepresentatives.find((a) => !a.toDate) ?? null,
    pastArs: s.authorizedRepresentatives.filter((a) => a.toDate),
  };
}
export type SiteForEdit = NonNullable<Awaited<ReturnType<typeof siteForEdit>>>;

export async function updateSite(actor: Actor, id: string, input: z.output<typeof siteSchema>) {
  return transaction(async (tx) => {
    const before = await tx.site.findUnique({ where: { id } });
    if (!before) throw notFoundError("Site");
    const attestedNow = input.pulseOximeterAttested && !before.pulseOximeterAttested;
    const { version, certifiedAt, ...rest } = input;
    const { count } = await tx.site.updateMany({
      where: { id, version },
      data: { ...rest, certifiedAt: certifiedAt ? dateOnly(certifiedAt) : null, remsSettingId: rest.remsSettingId || null, address2: rest.address2 || null, phone: rest.phone || null,
        pulseOximeterAttestedAt: input.pulseOximeterAttested ? (attestedNow ? new Date() : before.pulseOximeterAttestedAt) : null, version: { increment: 1 } },
    });
    if (!count) throw conflictError("site");
    const after = await tx.site.findUniqueOrThrow({ where: { id } });
    await appendAudit(tx, { actor, action: "site.update", entityType: "Site", entityId: id, siteId: id, before, after });
    return { id, version: after.version };
  });
}

/**
 * R2: a site has exactly one current Authorized Representative. A change closes the current one the
 * day before, opens the new one, and puts the site in "re-certification required" until a new
 * enrollment date is recorded.
 */
export async function changeAuthorizedRepresentative(actor: Actor, siteId: string, input: z.output<typeof arChangeSchema>) {
  return transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Site" WHERE id = ${siteId} FOR UPDATE`;
    const site = await tx.site.findUnique({ where: { id: siteId }, include: { authorizedRepresentatives: { where: { toDate: null } } } });
    if (!site) throw notFoundError("Site");
    const current = site.authorizedRepresentatives;
    await tx.authorizedRepresentative.updateMany({ where: { siteId, toDate: null }, data: { toDate: dateOnly(addDays(input.fromDate, -1)) } });
    const ar = await tx.authorizedRepresentative.create({ data: { siteId, name: input.name, email: input.email || null, phone: input.phone || null, fromDate: dateOnly(input.fromDate) } });
    await tx.site.update({ where: { id: siteId }, data: { certificationStatus: "RECERTIFICATION_REQUIRED", version: { increment: 1 } } });
    await appendAudit(tx, { actor, action: "site.ar_change", entityType: "Site", entityId: siteId, siteId,
      before: { authorizedRepresentatives: current, certificationStatus: site.certificationStatus }, after: { authorizedRepresentative: ar, certificationStatus: "RECERTIFICATION_REQUIRED" } });
    return { id: ar.id };
  });
}
