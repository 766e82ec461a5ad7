import { sessionBilling } from "@/lib/billing/data";
import { PAYER_TYPE_LABELS } from "@/lib/billing/rules";

/** The session's billing lines, derived from its record like the export (server component). */
export async function SessionBilling({ sessionId }: { sessionId: string }) {
  const b = await sessionBilling(sessionId);
  if (!b) return null;
  return (
    <section id="billing" aria-label="Billing" className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-1 text-lg font-semibold">Billing</h2>
      <p className="mb-2 text-slate-700">
        Date of service {b.dateOfService || "—"} · {b.doseGivenMg} mg given · payer {b.payerType ? PAYER_TYPE_LABELS[b.payerType] : "not recorded"}
      </p>
      {b.lines.length > 0 && (
        <ul aria-label="Billing lines" className="mb-2 flex flex-col gap-1">
          {b.lines.map((l) => (
            <li key={l.code}>
              <span className="font-medium">{l.code}</span> × {l.units} — {l.description}
            </li>
          ))}
        </ul>
      )}
      {b.flags.length > 0 && (
        <ul aria-label="Billing notes" className="list-disc pl-5 text-slate-700">
          {b.flags.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
