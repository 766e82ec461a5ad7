import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";
import { enrollmentReport } from "@/lib/reports/enrollment";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/patients/badges";
import { ReportTabs } from "@/components/reports/report-tabs";

export const metadata: Metadata = { title: "Enrollment and certification — Reports" };

const CERT = { ACTIVE: ["Active", "green"], PENDING: ["Pending", "amber"], RECERTIFICATION_REQUIRED: ["Re-certification required", "red"], SUSPENDED: ["Suspended", "red"] } as const;
const ENROLL = { enrolled: ["Enrolled", "green"], pending: ["Pending", "amber"], not_enrolled: ["Not enrolled", "red"], not_required: ["Not required (inpatient)", "slate"] } as const;
const NOTICE = { notified: ["Notified before transfer", "green"], notified_late: ["Notified late", "amber"], not_notified: ["REMS not notified", "red"] } as const;
const th = "p-2";

export default async function EnrollmentPage() {
  const user = await authorizePage("reports.view");
  const r = await enrollmentReport(user.siteIds);
  const problems = r.patients.filter((p) => p.treatedWithoutEnrollment).length;
  const unnotified = r.transfers.filter((t) => t.notice === "not_notified").length;
  return (
    <>
      <PageHeader title="Reports" />
      <ReportTabs current="/reports/enrollment" />
      <section aria-label="Site certification" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">Site certification</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <thead className="bg-slate-100 text-sm"><tr>{["Site", "Setting", "Status", "Certified", "REMS setting ID", "Pulse oximeter", "Authorized representative"].map((h) => <th key={h} scope="col" className={th}>{h}</th>)}</tr></thead>
            <tbody>
              {r.sites.map((s) => (
                <tr key={s.id} className="border-t border-slate-200 align-top">
                  <td className="p-2 font-medium">{s.name}<div className="text-sm font-normal text-slate-600">{s.code}</div></td>
                  <td className="p-2">{s.settingType === "OUTPATIENT" ? "Outpatient" : "Inpatient"}</td>
                  <td className="p-2"><Badge tone={CERT[s.certificationStatus][1]}>{CERT[s.certificationStatus][0]}</Badge></td>
                  <td className="p-2">{s.certifiedOn ?? "—"}</td>
                  <td className="p-2">{s.remsSettingId ?? "—"}</td>
                  <td className="p-2">{s.pulseOximeterAttested ? "Attested" : <Badge tone="red">Not attested</Badge>}</td>
                  <td className="p-2">{s.representative ? <>{s.representative.name} <span className="text-sm text-slate-600">since {s.representative.fromDate}</span><div className="text-sm text-slate-600">{[s.representative.email, s.representative.phone].filter(Boolean).join(" · ")}</div></> : <Badge tone="red">None recorded</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-label="Transfers to another certified setting" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">Transfers to another certified setting</h2>
        <p className="mb-2 text-slate-700">R42: the REMS is notified before the transfer date. {unnotified ? <strong className="text-red-800">{unnotified} {unnotified === 1 ? "transfer has" : "transfers have"} no notification date.</strong> : "Every transfer has a notification date."}</p>
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <thead className="bg-slate-100 text-sm"><tr>{["Patient", "From", "To", "Transfer date", "REMS notified", "Notice"].map((h) => <th key={h} scope="col" className={th}>{h}</th>)}</tr></thead>
            <tbody>
              {r.transfers.map((t) => (
                <tr key={t.id} className="border-t border-slate-200">
                  <td className="p-2 font-medium">{t.patient}<div className="text-sm font-normal text-slate-600">{t.mrn}</div></td>
                  <td className="p-2">{t.from}</td><td className="p-2">{t.to}</td><td className="p-2">{t.transferDate}</td><td className="p-2">{t.notifiedOn ?? "—"}</td>
                  <td className="p-2"><Badge tone={NOTICE[t.notice][1]}>{NOTICE[t.notice][0]}</Badge></td>
                </tr>
              ))}
              {!r.transfers.length && <tr><td colSpan={6} className="p-3 text-slate-700">No transfers recorded.</td></tr>}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-label="Patient enrollment" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">Patient enrollment</h2>
        <p className="mb-2 text-slate-700">
          {r.patients.filter((p) => p.state === "enrolled").length} enrolled, {r.patients.filter((p) => p.state === "pending").length} pending, {r.patients.filter((p) => p.state === "not_enrolled").length} not enrolled.
          {problems ? <strong className="text-red-800"> {problems} treated without a complete enrollment.</strong> : " No patient was treated without a complete enrollment."}
        </p>
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <thead className="bg-slate-100 text-sm"><tr>{["Patient", "Site", "Enrollment", "Submitted", "Confirmation", "Sessions dosed", "Last treatment"].map((h) => <th key={h} scope="col" className={th}>{h}</th>)}</tr></thead>
            <tbody>
              {r.patients.map((p) => (
                <tr key={p.id} className={`border-t border-slate-200 ${p.treatedWithoutEnrollment ? "bg-red-50" : ""}`}>
                  <td className="p-2 font-medium">{p.name}<div className="text-sm font-normal text-slate-600">{p.mrn}</div></td>
                  <td className="p-2">{p.site}</td>
                  <td className="p-2"><Badge tone={ENROLL[p.state][1]}>{ENROLL[p.state][0]}</Badge></td>
                  <td className="p-2">{p.submittedOn ?? "—"}</td><td className="p-2">{p.confirmation ?? "—"}</td>
                  <td className="p-2 tabular-nums">{p.dosedSessions}</td><td className="p-2">{p.lastTreatment ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
