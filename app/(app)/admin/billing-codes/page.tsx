import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";
import { billingCodeTable } from "@/lib/billing/data";
import { PAYER_TYPE_LABELS } from "@/lib/billing/rules";
import { PageHeader } from "@/components/ui/page-header";
import { BillingCodeForm } from "@/components/billing/billing-code-form";
import { EndCodeButton } from "@/components/billing/end-code-button";

export const metadata: Metadata = { title: "Billing codes" };

const range = (min: number | null, max: number | null) =>
  min === null && max === null ? "Any dose" : min === null ? `Up to ${max} mg` : max === null ? `${min} mg and over` : `${min}–${max} mg`;

export default async function BillingCodesPage() {
  await authorizePage("billing.manage");
  const codes = await billingCodeTable();
  return (
    <>
      <PageHeader title="Billing codes" />
      <p className="mb-4 max-w-3xl text-slate-700">
        Each session&apos;s billing lines come from this table: the code in force on the date of service for the patient&apos;s payer type and the dose given.
        These rows are configuration to confirm with your billing office, not law. A row is never edited: give it a last day and add the new one.
      </p>
      <div className="mb-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Billing-code table</caption>
          <thead className="bg-slate-100">
            <tr>
              {["Code", "Payers", "Dose", "Units", "In force", "Not billed with", ""].map((h, i) => (
                <th key={i} scope="col" className="px-3 py-2">
                  {h || <span className="sr-only">Actions</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {codes.map((c) => (
              <tr key={c.id} className="border-t border-slate-200 align-top">
                <th scope="row" className="px-3 py-2 font-medium">
                  {c.code}
                  <div className="font-normal text-slate-600">{c.description}</div>
                  {c.note && <div className="font-normal text-slate-600">{c.note}</div>}
                </th>
                <td className="px-3 py-2">{c.payerTypes.map((p) => PAYER_TYPE_LABELS[p]).join(", ")}</td>
                <td className="px-3 py-2">{range(c.minDoseMg, c.maxDoseMg)}</td>
                <td className="px-3 py-2">{c.kind === "DRUG" ? `1 per ${c.unitMg} mg` : "1 per session"}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {c.effectiveFrom} to {c.effectiveTo ?? "open"}
                </td>
                <td className="px-3 py-2">{c.notWith.join(", ") || "—"}</td>
                <td className="px-3 py-2">{!c.effectiveTo && <EndCodeButton id={c.id} label={`${c.code} from ${c.effectiveFrom}`} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="mb-3 text-lg font-semibold">Add a code</h2>
      <BillingCodeForm />
    </>
  );
}
