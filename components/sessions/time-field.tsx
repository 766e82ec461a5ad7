"use client";
import { useId, useRef, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { TextInput } from "@/components/ui/field";
import { isLateEntry } from "@/lib/sessions/clinical-time-rules";
import { latestWallTime } from "@/lib/time/days";
import { useEntryTime } from "./entry-time";

type Late = { registration: UseFormRegisterReturn; error?: string };

/**
 * A clinical time: "Now" (the server's clock when saved) unless the nurse types the time on the site's clock, HH:MM —
 * one field, no date (the latest such time, today or just before midnight). The form receives the instant.
 * With `late`, a time more than the site's threshold ago asks for the reason in place (R49, the server's rule).
 * A back-entered session (documented from paper, days later) takes the full date and time instead.
 */
export function TimeField({
  label = "Time",
  error,
  registration,
  value: watched,
  late,
  empty = { chip: "Now", hint: "Empty is now; type the time if it was earlier." },
}: {
  label?: string;
  error?: string;
  registration: UseFormRegisterReturn;
  /** The form's time as it stands (react-hook-form's `watch`): a reset form shows its empty meaning, and no reason, again. */
  value: string | undefined;
  late?: Late;
  /** What an empty field means: now (the default), or for an optional time such as "resolved at", that it has not happened. */
  empty?: { chip: string; hint: string };
}) {
  const bounds = useEntryTime();
  const [typed, setTyped] = useState("");
  const hidden = useRef<HTMLInputElement | null>(null);
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // A reset form (saved, or cancelled) is "Now" again (adjusted while rendering: React's pattern for a prop change).
  const [seen, setSeen] = useState(watched);
  if (watched !== seen) {
    setSeen(watched);
    if (!watched) setTyped("");
  }

  if (bounds.backEntered) return <BackEntryTime label={label} error={error} registration={registration} late={late} />;

  const emit = (value: string) => {
    const el = hidden.current;
    if (!el) return;
    el.value = value;
    void registration.onChange({ target: el, type: "change" });
  };
  const onTime = (hhmm: string) => {
    setTyped(hhmm);
    const at = hhmm ? latestWallTime(hhmm, new Date(), bounds.timeZone) : null;
    emit(at ? at.toISOString() : hhmm ? "invalid" : "");
  };
  const chosen = watched ? new Date(watched) : typed ? latestWallTime(typed, new Date(), bounds.timeZone) : null;
  const needsReason = !!late && (!!late.error || (!!chosen && !Number.isNaN(chosen.getTime()) && isLateEntry(chosen, { now: new Date(), ...bounds })));
  return (
    <>
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input
            id={id}
            type="time"
            step={60}
            value={typed}
            onChange={(e) => onTime(e.target.value)}
            aria-invalid={!!error}
            aria-describedby={[hintId, error ? errorId : ""].filter(Boolean).join(" ")}
            className="min-h-11 w-36 rounded-md border border-slate-300 bg-white px-3 tabular-nums aria-[invalid=true]:border-red-600"
          />
          {typed ? (
            <button type="button" onClick={() => onTime("")} className="min-h-11 rounded-md border border-slate-300 bg-white px-4 font-medium">
              {empty.chip === "Now" ? "Now" : "Clear"}
            </button>
          ) : (
            <span className="rounded-md bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800">{empty.chip}</span>
          )}
        </div>
        <p id={hintId} className="text-sm text-slate-700">
          {typed ? `On the site's clock (${bounds.timeZone.replace(/_/g, " ")}).` : empty.hint}
        </p>
        {error && (
          <p id={errorId} className="text-sm font-medium text-red-700">
            {error}
          </p>
        )}
        <input
          type="hidden"
          {...registration}
          ref={(el) => {
            hidden.current = el;
            // reset() drops react-hook-form's fields and re-registers them from the DOM, and a form reset leaves a
            // hidden input's value: the old time would come back behind a field that shows "Now". A form whose time
            // is empty hands over an empty input.
            if (el && !watched) el.value = "";
            registration.ref(el);
          }}
        />
      </div>
      {needsReason && late && <TextInput label="Reason for late entry" error={late.error} {...late.registration} />}
    </>
  );
}

/** The full date and time on the tablet's clock, for a session documented after the fact. */
function BackEntryTime({ label, error, registration, late }: { label: string; error?: string; registration: UseFormRegisterReturn; late?: Late }) {
  return (
    <>
      <TextInput label={`${label} (date and time)`} type="datetime-local" error={error} {...registration} />
      {late?.error && <TextInput label="Reason for late entry" error={late.error} {...late.registration} />}
    </>
  );
}

export { toInstant } from "@/lib/sessions/client/instant";
