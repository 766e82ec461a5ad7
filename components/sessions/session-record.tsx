import { formatDateTime } from "@/lib/patients/format";

type Row = { id: string; at: string; text: string };

function List({ title, id, rows, tone }: { title: string; id: string; rows: Row[]; tone: string }) {
  return (
    <div id={id} className="scroll-mt-4">
      <h3 className="mb-1 font-semibold">
        {title} ({rows.length})
      </h3>
      {rows.length ? (
        <ul className={`flex flex-col gap-1 border-l-4 pl-3 ${tone}`}>
          {rows.map((r) => (
            <li key={r.id}>{r.text}</li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">None.</p>
      )}
    </div>
  );
}

/** What the clinic noticed and decided in this session, as the rows the reports read: alerts, acknowledged warnings, deviations. */
export function SessionRecord({
  timeZone,
  alerts,
  acknowledgements,
  deviations,
  children,
}: {
  timeZone: string;
  alerts: { id: string; code: string; severity: string; message: string; raisedAt: string }[];
  acknowledgements: { id: string; code: string; message: string; step: string; at: string; by: string }[];
  deviations: { id: string; code: string; description: string; reason: string | null; detectedAt: string; by: string | null }[];
  children?: React.ReactNode;
}) {
  const when = (at: string) => formatDateTime(new Date(at), timeZone);
  return (
    <section id="deviations" aria-label="Alerts, acknowledgements and deviations" className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 text-lg font-semibold">Alerts, acknowledgements and deviations</h2>
      <div className="grid gap-4 lg:grid-cols-3">
        <List
          title="Alerts raised"
          id="alerts"
          tone="border-red-400"
          rows={alerts.map((a) => ({ id: a.id, at: a.raisedAt, text: `${when(a.raisedAt)} · ${a.severity === "urgent" ? "Urgent: " : ""}${a.message}` }))}
        />
        <List
          title="Warnings acknowledged"
          id="acknowledgements"
          tone="border-amber-400"
          rows={acknowledgements.map((a) => ({ id: a.id, at: a.at, text: `${when(a.at)} · ${a.step} · ${a.by}: ${a.message}` }))}
        />
        <List
          title="Protocol deviations"
          id="deviation-list"
          tone="border-amber-600"
          rows={deviations.map((d) => ({
            id: d.id,
            at: d.detectedAt,
            text: `${when(d.detectedAt)} · ${d.code === "R49_LATE_ENTRY" ? "Late entry: " : ""}${d.description}${d.reason ? ` — reason: ${d.reason}` : ""}${d.by ? ` (${d.by})` : ""}`,
          }))}
        />
      </div>
      {children && <div className="no-print mt-4 border-t border-slate-200 pt-4">{children}</div>}
    </section>
  );
}
