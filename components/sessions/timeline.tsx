"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { requestJson } from "@/components/forms/submit-json";
import { formatTime } from "@/lib/time/format";

export type TimelineEntry = {
  kind: "vital" | "device" | "sedation" | "dissociation" | "decision" | "event";
  id: string;
  at: string;
  text: string;
  inError: string | null;
  /** A post-dose reading with a BP may be designated as the 40-minute BP after the fact (R25). */
  /** R49: entered later than the site threshold after its clinical time, with the reason. */
  late?: { enteredAt: string; reason: string } | null;
  fortyMinute?: "designated" | "candidate";
};

const clock = (iso: string, tz: string) => formatTime(iso, tz, { seconds: true });

/** Every entry of the session in time order; a wrong one is marked entered in error (kept, struck through), never changed. */
export type Amendment = { id: string; text: string };

export function Timeline({
  sessionId,
  entries,
  timeZone,
  t0,
  editable,
  amendments = {},
}: {
  sessionId: string;
  entries: TimelineEntry[];
  timeZone: string;
  t0: string | null;
  editable: boolean;
  amendments?: Record<string, Amendment[]>;
}) {
  return (
    <ol className="flex flex-col divide-y divide-slate-200">
      {entries.map((e) => (
        <li key={`${e.kind}-${e.id}`} className="flex flex-wrap items-center gap-3 py-2">
          <span className="w-20 tabular-nums text-slate-600">{clock(e.at, timeZone)}</span>
          <span className="w-20 text-sm tabular-nums text-slate-500">
            {t0 ? `T0${Date.parse(e.at) >= Date.parse(t0) ? "+" : "−"}${Math.abs(Math.floor((Date.parse(e.at) - Date.parse(t0)) / 60_000))} min` : ""}
          </span>
          <span className={`flex-1 ${e.inError ? "text-slate-500 line-through" : ""}`}>{e.text}</span>
          {e.late && (
            <span className="rounded bg-amber-100 px-2 text-sm text-amber-900">
              late: entered {clock(e.late.enteredAt, timeZone).slice(0, 5)} — {e.late.reason}
            </span>
          )}
          {e.inError && <span className="text-sm text-slate-600">entered in error: {e.inError}</span>}
          {e.fortyMinute === "designated" && !e.inError && <span className="rounded bg-brand-50 px-2 py-1 text-sm font-medium">40-minute BP</span>}
          {!e.inError && editable && e.fortyMinute === "candidate" && <DesignateForty sessionId={sessionId} vitalId={e.id} />}
          {!e.inError && editable && ["vital", "device", "sedation", "dissociation"].includes(e.kind) && (
            <MarkInError sessionId={sessionId} kind={e.kind} id={e.id} />
          )}
          {amendments[`${e.kind}:${e.id}`]?.map((a) => (
            <p key={a.id} className="w-full border-l-4 border-amber-500 bg-amber-50 px-3 py-1 text-sm">
              <span className="font-medium">Amendment:</span> {a.text}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}

const MarkInError = ({ sessionId, kind, id }: { sessionId: string; kind: string; id: string }) => (
  <ReasonPrompt
    open="Mark entered in error"
    label="Why is it wrong?"
    confirm="Confirm"
    danger
    url={`/api/sessions/${sessionId}/entries/${kind}/${id}/entered-in-error`}
    body={(reason) => ({ reason })}
  />
);

/** R25: this reading was the 40-minute BP; outside 30–50 minutes the server asks for the reason (a deviation). */
const DesignateForty = ({ sessionId, vitalId }: { sessionId: string; vitalId: string }) => (
  <ReasonPrompt
    open="Use as 40-minute BP"
    label="Reason (if outside 30–50 min)"
    confirm="Designate"
    url={`/api/sessions/${sessionId}/forty-minute`}
    body={(reason) => ({ vitalId, reason })}
  />
);

/** A button that opens a reason field in place, posts it, and can be cancelled without saving anything. */
function ReasonPrompt({
  open: openLabel,
  label,
  confirm: confirmLabel,
  danger = false,
  url,
  body,
}: {
  open: string;
  label: string;
  confirm: string;
  danger?: boolean;
  url: string;
  body: (reason: string) => object;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        {openLabel}
      </Button>
    );
  async function confirm() {
    const res = await requestJson(url, "POST", body(reason));
    if (res.ok) {
      setOpen(false);
      router.refresh();
    } else setError(Object.values(res.fieldErrors ?? {}).flat()[0] ?? res.message);
  }
  const cancel = () => {
    setOpen(false);
    setReason("");
    setError(null);
  };
  return (
    <span className="flex flex-wrap items-center gap-2">
      <label className="flex items-center gap-2">
        {label}
        <input value={reason} onChange={(e) => setReason(e.target.value)} autoFocus className="min-h-11 rounded-md border border-slate-300 px-2" />
      </label>
      <Button type="button" variant={danger ? "danger" : "primary"} onClick={confirm}>
        {confirmLabel}
      </Button>
      <Button type="button" variant="secondary" onClick={cancel}>
        Cancel
      </Button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
