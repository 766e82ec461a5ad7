import "server-only";
import { serverNow } from "@/lib/clock";
import { db, transaction } from "@/lib/db/client";
import { appendAudit, type AuditActor } from "@/lib/audit/data";
import { HttpError, invalidInput, notFoundError } from "@/lib/http/errors";
import { transferNotice } from "@/lib/reports/enrollment-rules";
import type { Transfer } from "./transfer-schema";
import { dateOnly as dayOf, dateOnlyValue, siteDay } from "@/lib/time/days";

type Actor = NonNullable<AuditActor>;

// A notified *day* is stored as noon UTC, which is that same calendar day in every US time zone.
const noticeInstant = (day: string) => new Date(`${day}T12:00:00Z`);
const dateOnly = dateOnlyValue;
const iso = dayOf;

export type TransferDto = { id: string; toSettingName: string; transferDate: string; remsNotifiedOn: string | null; notice: ReturnType<typeof transferNotice> };

export async function transfersOf(patientId: string): Promise<TransferDto[]> {
  const rows = await db().patientTransfer.findMany({
    where: { patientId },
    orderBy: [{ transferDate: "desc" }, { createdAt: "desc" }],
    select: { id: true, toSettingName: true, transferDate: true, remsNotifiedAt: true, fromSite: { select: { timeZone: true } } },
  });
  return rows.map((t) => {
    const notified = t.remsNotifiedAt ? siteDay(t.remsNotifiedAt, t.fromSite.timeZone) : null;
    return {
      id: t.id,
      toSettingName: t.toSettingName,
      transferDate: iso(t.transferDate),
      remsNotifiedOn: notified,
      notice: transferNotice(iso(t.transferDate), notified),
    };
  });
}

/** The site a transfer belongs to (its patient's site when it was recorded), for authorization. */
export async function transferSite(id: string): Promise<string | null> {
  return (await db().patientTransfer.findUnique({ where: { id }, select: { fromSiteId: true } }))?.fromSiteId ?? null;
}

/**
 * R42: records that the patient's treatment moves to another certified setting, from the patient's
 * current site. A notice dated on or after the transfer date is kept (SOFT): the enrollment report
 * lists it as late.
 */
export async function recordTransfer(actor: Actor, patientId: string, input: Transfer): Promise<{ id: string; notice: TransferDto["notice"] }> {
  return transaction(async (tx) => {
    const patient = await tx.patient.findUnique({ where: { id: patientId }, select: { siteId: true, site: { select: { timeZone: true } } } });
    if (!patient) throw notFoundError("Patient");
    const today = siteDay(serverNow(), patient.site.timeZone);
    if (input.remsNotifiedOn && input.remsNotifiedOn > today) throw invalidInput({ remsNotifiedOn: ["The REMS cannot have been notified in the future"] });
    const t = await tx.patientTransfer.create({
      data: {
        patientId,
        fromSiteId: patient.siteId,
        toSettingName: input.toSettingName,
        transferDate: dateOnly(input.transferDate),
        remsNotifiedAt: input.remsNotifiedOn ? noticeInstant(input.remsNotifiedOn) : null,
      },
      select: { id: true },
    });
    const notice = transferNotice(input.transferDate, input.remsNotifiedOn || null);
    await appendAudit(tx, {
      actor,
      action: "patient.transfer",
      entityType: "PatientTransfer",
      entityId: t.id,
      siteId: patient.siteId,
      patientId,
      before: null,
      after: { toSettingName: input.toSettingName, transferDate: input.transferDate, remsNotifiedOn: input.remsNotifiedOn || null, notice },
    });
    return { id: t.id, notice };
  });
}

/** Adds the date the REMS was notified to a transfer recorded without it. Once recorded it does not change. */
export async function recordTransferNotice(actor: Actor, transferId: string, remsNotifiedOn: string): Promise<{ id: string; notice: TransferDto["notice"] }> {
  return transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "PatientTransfer" WHERE id = ${transferId} FOR UPDATE`;
    if (!rows.length) throw notFoundError("Transfer");
    const t = await tx.patientTransfer.findUniqueOrThrow({
      where: { id: transferId },
      select: { patientId: true, fromSiteId: true, transferDate: true, remsNotifiedAt: true, fromSite: { select: { timeZone: true } } },
    });
    if (t.remsNotifiedAt)
      throw new HttpError(409, "ALREADY_NOTIFIED", `The REMS notice is already recorded (${siteDay(t.remsNotifiedAt, t.fromSite.timeZone)}).`);
    if (remsNotifiedOn > siteDay(serverNow(), t.fromSite.timeZone))
      throw invalidInput({ remsNotifiedOn: ["The REMS cannot have been notified in the future"] });
    await tx.patientTransfer.update({ where: { id: transferId }, data: { remsNotifiedAt: noticeInstant(remsNotifiedOn) } });
    const notice = transferNotice(iso(t.transferDate), remsNotifiedOn);
    await appendAudit(tx, {
      actor,
      action: "patient.transfer_notice",
      entityType: "PatientTransfer",
      entityId: transferId,
      siteId: t.fromSiteId,
      patientId: t.patientId,
      before: { remsNotifiedOn: null },
      after: { remsNotifiedOn, notice },
    });
    return { id: transferId, notice };
  });
}
