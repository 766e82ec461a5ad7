const link = "inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium text-brand-700 underline hover:bg-slate-100";

/** The session's audit packet: a printable PDF and its self-checking JSON twin (scripts/verify-packet.mjs). */
export function AuditPacketLinks({ sessionId }: { sessionId: string }) {
  return (
    <section id="audit-packet" aria-label="Audit packet" className="no-print scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-1 text-lg font-semibold">Audit packet</h2>
      <p className="mb-3 text-slate-700">
        For an auditor or the REMS: the record, its monitoring forms with amendments, the signature check, the audit rows of this session and the chain&apos;s
        verification with a fresh anchor. The JSON checks itself without this app (<code>node scripts/verify-packet.mjs</code>).
      </p>
      <div className="flex flex-wrap gap-3">
        <a href={`/api/sessions/${sessionId}/audit-packet?format=pdf`} download className={link}>
          Download audit packet (PDF)
        </a>
        <a href={`/api/sessions/${sessionId}/audit-packet?format=json`} download className={link}>
          Download audit packet (JSON)
        </a>
      </div>
    </section>
  );
}
