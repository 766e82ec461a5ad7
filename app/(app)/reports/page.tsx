import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  await authorizePage("reports.view");
  return (
    <>
      <PageHeader title="Reports" />
      <p className="text-slate-700">REMS reports (Patient Monitoring Forms, overdue filings, adverse events, lot accountability) will appear here.</p>
    </>
  );
}
