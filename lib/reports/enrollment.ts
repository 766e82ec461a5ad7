import "server-only";
import { db } from "@/lib/db/client";
import { COUNT_CAP, offsetOf, PAGE_SIZE, pageInfo } from "@/lib/tables/list-query";
import { enrollmentState, transferNotice, treatedBeforeEnrollment } from "./enrollment-rules";
import { dateOnly, siteDay } from "@/lib/time/days";

const day = (d: Date | null) => (d ? dateOnly(d) : null);

/** Sites' certification and current Authorized Representative, patients' enrollment, and transfers with the REMS notice (R42). */
/**
 * One page of patients (by name, index Patient(siteId, lastName, firstName, id)) and one page of transfers;
 * only the page's patients' sessions are read. Counts stop at COUNT_CAP.
 */
export async function enrollmentReport(siteIds: string[], pages: { page?: number; transfersPage?: number } = {}, pageSize = PAGE_SIZE) {
  const sites = await db().site.findMany({
    where: { id: { in: siteIds } },
    orderBy: [{ settingType: "asc" }, { name: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      settingType: true,
      certificationStatus: true,
      certifiedAt: true,
      remsSettingId: true,
      pulseOximeterAttested: true,
      timeZone: true,
      authorizedRepresentatives: { where: { toDate: null }, orderBy: { fromDate: "desc" }, select: { name: true, email: true, phone: true, fromDate: true } },
    },
  });
  const tz = new Map(sites.map((s) => [s.id, s.timeZone]));
  const patientWhere = { siteId: { in: siteIds }, archivedAt: null };
  const patientPage = pageInfo(await db().patient.count({ where: patientWhere, take: COUNT_CAP + 1 }), pages.page ?? 1, pageSize);
  const patients = await db().patient.findMany({
    where: patientWhere,
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    skip: offsetOf(patientPage),
    take: pageSize,
    select: {
      id: true,
      mrn: true,
      firstName: true,
      lastName: true,
      site: { select: { name: true, settingType: true, timeZone: true } },
      enrollments: {
        where: { supersededBy: { is: null } },
        take: 1,
        select: { patientSignedAt: true, prescriberSignedAt: true, submittedAt: true, channel: true, remsConfirmation: true },
      },
      // `dosed`: kept by the database, a live device administration (schema.prisma), read from the session row alone.
      sessions: { where: { dosed: true }, orderBy: { treatmentDate: "desc" }, select: { treatmentDate: true } },
    },
  });
  const transferWhere = { fromSiteId: { in: siteIds } };
  const [transferCount, unnotifiedTransfers] = await Promise.all([
    db().patientTransfer.count({ where: transferWhere, take: COUNT_CAP + 1 }),
    db().patientTransfer.count({ where: { ...transferWhere, remsNotifiedAt: null } }),
  ]);
  const transferPage = pageInfo(transferCount, pages.transfersPage ?? 1, pageSize);
  const transfers = await db().patientTransfer.findMany({
    where: transferWhere,
    orderBy: [{ transferDate: "desc" }, { id: "asc" }],
    skip: offsetOf(transferPage),
    take: pageSize,
    select: {
      id: true,
      fromSiteId: true,
      toSettingName: true,
      transferDate: true,
      remsNotifiedAt: true,
      fromSite: { select: { name: true } },
      patient: { select: { mrn: true, firstName: true, lastName: true } },
    },
  });
  return {
    sites: sites.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      settingType: s.settingType,
      certificationStatus: s.certificationStatus,
      certifiedOn: s.certifiedAt ? siteDay(s.certifiedAt, s.timeZone) : null,
      remsSettingId: s.remsSettingId,
      pulseOximeterAttested: s.pulseOximeterAttested,
      representative: s.authorizedRepresentatives[0] ? { ...s.authorizedRepresentatives[0], fromDate: day(s.authorizedRepresentatives[0].fromDate) } : null,
      representativeCount: s.authorizedRepresentatives.length,
    })),
    patientPage,
    transferPage,
    unnotifiedTransfers,
    patients: patients.map((p) => {
      const e = p.enrollments[0] ?? null;
      const state = enrollmentState(p.site.settingType, e);
      const local = (d: Date | null | undefined) => (d ? siteDay(d, p.site.timeZone) : null);
      const completedAt =
        e?.patientSignedAt && e.prescriberSignedAt && e.submittedAt
          ? new Date(Math.max(e.patientSignedAt.getTime(), e.prescriberSignedAt.getTime(), e.submittedAt.getTime()))
          : null;
      return {
        id: p.id,
        mrn: p.mrn,
        name: `${p.lastName}, ${p.firstName}`,
        site: p.site.name,
        state,
        confirmation: e?.remsConfirmation ?? null,
        submittedOn: local(e?.submittedAt),
        dosedSessions: p.sessions.length,
        lastTreatment: day(p.sessions[0]?.treatmentDate ?? null),
        // A patient dosed at an outpatient setting before (or without) a complete enrollment breaks R6: listed as a problem.
        treatedWithoutEnrollment: treatedBeforeEnrollment(state, local(completedAt), day(p.sessions.at(-1)?.treatmentDate ?? null)),
      };
    }),
    transfers: transfers.map((t) => {
      const notifiedOn = t.remsNotifiedAt ? siteDay(t.remsNotifiedAt, tz.get(t.fromSiteId)!) : null;
      const transferDate = day(t.transferDate)!;
      return {
        id: t.id,
        patient: `${t.patient.lastName}, ${t.patient.firstName}`,
        mrn: t.patient.mrn,
        from: t.fromSite.name,
        to: t.toSettingName,
        transferDate,
        notifiedOn,
        notice: transferNotice(transferDate, notifiedOn),
      };
    }),
  };
}
