import type { Metadata } from "next";
import { z } from "zod";
import { DataTable } from "@/components/ui/data-table";
import { MAX_PAGE } from "@/lib/tables/list-query";
import { authorizePage } from "@/lib/auth/authorize";
import { enrollmentReport } from "@/lib/reports/enrollment";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/patients/badges";
import { ReportTabs } from "@/components/reports/report-tabs";

export const metadata: Metadata = { title: "Enrollment and certification — Reports" };

const CERT = {
  ACTIVE: ["Active", "green"],
  PENDING: ["Pending", "amber"],
  RECERTIFICATION_REQUIRED: ["Re-certification required", "red"],
  SUSPENDED: ["Suspended", "red"],
} as const;
const ENROLL = {
  enrolled: ["Enrolled", "green"],
  pending: ["Pending", "amber"],
  not_enrolled: ["Not enrolled", "red"],
  not_required: ["Not required (inpatient)", "slate"],
} as const;
const NOTICE = {
  notified: ["Notified before transfer", "green"],
  notified_late: ["Notified late", "amber"],
  not_notified: ["REMS not notified", "red"],
} as const;

const page = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1);
const pagesSchema = z.object({ page, tpage: page });

export default async function EnrollmentPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await authorizePage("reports.view");
  const q = pagesSchema.parse(await searchParams);
  const r = await enrollmentReport(user.siteIds, { page: q.page, transfersPage: q.tpage });
  const problems = r.patients.filter((p) => p.treatedWithoutEnrollment).length;
  const unnotified = r.unnotifiedTransfers;
  return (
    <>
      <PageHeader title="Reports" />
      <ReportTabs current="/reports/enrollment" />
      <section aria-label="Site certification" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">Site certification</h2>
        <DataTable
          label="Site certification"
          empty="No sites."
          columns={[
            { id: "site", header: "Site", rowHeader: true },
            { id: "setting", header: "Setting" },
            { id: "status", header: "Status" },
            { id: "certified", header: "Certified" },
            { id: "rems", header: "REMS setting ID" },
            { id: "oximeter", header: "Pulse oximeter" },
            { id: "ar", header: "Authorized representative" },
          ]}
          rows={r.sites.map((s) => ({
            id: s.id,
            cells: {
              site: (
                <>
                  {s.name}
                  <div className="text-sm font-normal text-slate-600">{s.code}</div>
                </>
              ),
              setting: s.settingType === "OUTPATIENT" ? "Outpatient" : "Inpatient",
              status: <Badge tone={CERT[s.certificationStatus][1]}>{CERT[s.certificationStatus][0]}</Badge>,
              certified: s.certifiedOn ?? "—",
              rems: s.remsSettingId ?? "—",
              oximeter: s.pulseOximeterAttested ? "Attested" : <Badge tone="red">Not attested</Badge>,
              ar: s.representative ? (
                <>
                  {s.representative.name} <span className="text-sm text-slate-600">since {s.representative.fromDate}</span>
                  <div className="text-sm text-slate-600">{[s.representative.email, s.representative.phone].filter(Boolean).join(" · ")}</div>
                </>
              ) : (
                <Badge tone="red">None recorded</Badge>
              ),
            },
          }))}
        />
      </section>

      <section aria-label="Transfers to another certified setting" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">Transfers to another certified setting</h2>
        <p className="mb-2 text-slate-700">
          The REMS is notified before the transfer date.{" "}
          {unnotified ? (
            <strong className="text-red-800">
              {unnotified} {unnotified === 1 ? "transfer has" : "transfers have"} no notification date.
            </strong>
          ) : (
            "Every transfer has a notification date."
          )}
        </p>
        <DataTable
          label="Transfers"
          noun="transfers"
          empty="No transfers recorded."
          page={r.transferPage}
          paramPrefix="t"
          columns={[
            { id: "patient", header: "Patient", rowHeader: true },
            { id: "from", header: "From" },
            { id: "to", header: "To" },
            { id: "date", header: "Transfer date", nowrap: true },
            { id: "notified", header: "REMS notified", nowrap: true },
            { id: "notice", header: "Notice" },
          ]}
          rows={r.transfers.map((t) => ({
            id: t.id,
            cells: {
              patient: (
                <>
                  {t.patient}
                  <div className="text-sm font-normal text-slate-600">{t.mrn}</div>
                </>
              ),
              from: t.from,
              to: t.to,
              date: t.transferDate,
              notified: t.notifiedOn ?? "—",
              notice: <Badge tone={NOTICE[t.notice][1]}>{NOTICE[t.notice][0]}</Badge>,
            },
          }))}
        />
      </section>

      <section aria-label="Patient enrollment" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">Patient enrollment</h2>
        <p className="mb-2 text-slate-700">
          On this page: {r.patients.filter((p) => p.state === "enrolled").length} enrolled, {r.patients.filter((p) => p.state === "pending").length} pending,{" "}
          {r.patients.filter((p) => p.state === "not_enrolled").length} not enrolled.
          {problems ? (
            <strong className="text-red-800"> {problems} treated without a complete enrollment (highlighted).</strong>
          ) : (
            " No patient on this page was treated without a complete enrollment."
          )}
        </p>
        <DataTable
          label="Patient enrollment"
          noun="patients"
          empty="No patients."
          page={r.patientPage}
          columns={[
            { id: "patient", header: "Patient", rowHeader: true },
            { id: "site", header: "Site" },
            { id: "state", header: "Enrollment" },
            { id: "submitted", header: "Submitted", nowrap: true },
            { id: "confirmation", header: "Confirmation" },
            { id: "dosed", header: "Sessions dosed", align: "right" },
            { id: "last", header: "Last treatment", nowrap: true },
          ]}
          rows={r.patients.map((p) => ({
            id: p.id,
            tone: p.treatedWithoutEnrollment ? "alert" : undefined,
            cells: {
              patient: (
                <>
                  {p.name}
                  <div className="text-sm font-normal text-slate-600">{p.mrn}</div>
                </>
              ),
              site: p.site,
              state: <Badge tone={ENROLL[p.state][1]}>{ENROLL[p.state][0]}</Badge>,
              submitted: p.submittedOn ?? "—",
              confirmation: p.confirmation ?? "—",
              dosed: p.dosedSessions,
              last: p.lastTreatment ?? "—",
            },
          }))}
        />
      </section>
    </>
  );
}
