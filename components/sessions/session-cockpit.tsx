"use client";
import { useEffect, useState } from "react";
import { formatTime } from "@/lib/time/format";
import type { SessionSection } from "@/lib/sessions/view";

type Msg = { code: string; message: string };
export type CockpitProps = {
  patient: { name: string; mrn: string; birthDate: string; flags: { label: string; tone: "red" | "amber" }[] };
  /** The server's clock when the page was made: the tablet's own clock is never trusted for clinical time. */
  serverNow: string;
  timeZone: string;
  t0: string | null;
  forty: { state: string; dueAt: string } | null;
  dischargeAvailableAt: string | null;
  gates: Msg[];
  alerts: (Msg & { severity: "alert" | "urgent" })[];
  next: { text: string; section: SessionSection } | null;
};

/** The server's "now", ticking: the page's server time plus the time since the page arrived. */
function useServerNow(serverNow: string) {
  const [offset] = useState(() => Date.parse(serverNow) - Date.now());
  const [now, setNow] = useState(() => Date.parse(serverNow));
  useEffect(() => {
    const tick = () => setNow(Date.now() + offset);
    const timer = setInterval(tick, 15_000);
    return () => clearInterval(timer);
  }, [offset]);
  return now;
}

/** Scrolls to a section of the session page, opens it if folded, and puts the focus on its first field. */
function jumpTo(section: SessionSection) {
  const el = document.getElementById(section);
  if (!el) return;
  el.querySelectorAll("details").forEach((d) => (d.open = true));
  el.scrollIntoView({ behavior: "smooth", block: "start" });
  const field = el.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea, button");
  (field ?? el).focus({ preventScroll: true });
}

/**
 * The sticky head of the session page: who is in the chair, the clock since the first device (server time), the
 * 40-minute BP countdown, the earliest discharge, what is open, and the next step as one button that goes there.
 */
export function SessionCockpit({ patient, serverNow, timeZone, t0, forty, dischargeAvailableAt, gates, alerts, next }: CockpitProps) {
  const now = useServerNow(serverNow);
  const minutes = (iso: string) => Math.floor((now - Date.parse(iso)) / 60_000);
  const fortyText = !forty
    ? null
    : forty.state === "recorded"
      ? "done"
      : minutes(forty.dueAt) < 0
        ? `due ${formatTime(forty.dueAt, timeZone)}, in ${-minutes(forty.dueAt)} min`
        : minutes(forty.dueAt) === 0
          ? "due now"
          : `overdue by ${minutes(forty.dueAt)} min`;
  const fortyTone = forty && forty.state !== "recorded" && minutes(forty.dueAt) >= 0 ? "text-red-800" : "text-slate-900";
  const open = gates.length + alerts.length;
  return (
    <section aria-label="Session at a glance" className="no-print sticky top-0 z-30 -mx-4 mb-4 border-b border-slate-300 bg-white px-4 py-3 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold">{patient.name}</h1>
          <p className="text-slate-700">
            MRN {patient.mrn} · born {patient.birthDate}
          </p>
          {!!patient.flags.length && (
            <p className="mt-1 flex flex-wrap gap-1">
              {patient.flags.map((f) => (
                <span
                  key={f.label}
                  className={`rounded px-2 py-0.5 text-sm font-medium ${f.tone === "red" ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-900"}`}
                >
                  {f.label}
                </span>
              ))}
            </p>
          )}
        </div>
        <dl className="grid grid-cols-3 gap-x-5 gap-y-1 text-sm">
          <div>
            <dt className="text-slate-700">Since first device</dt>
            <dd className="text-2xl font-semibold tabular-nums">{t0 ? `${minutes(t0)} min` : "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-700">40-minute BP</dt>
            <dd className={`text-lg font-semibold ${fortyTone}`}>{fortyText ?? "after dosing"}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Earliest discharge</dt>
            <dd className="text-lg font-semibold tabular-nums">
              {dischargeAvailableAt ? formatTime(dischargeAvailableAt, timeZone) : t0 ? "2 h reached" : "—"}
            </dd>
          </div>
        </dl>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        {next && (
          <button
            type="button"
            onClick={() => jumpTo(next.section)}
            className="min-h-12 rounded-md bg-brand-700 px-5 text-lg font-semibold text-white hover:bg-brand-800"
          >
            Next: {next.text}
          </button>
        )}
        {open > 0 && (
          <div className="flex flex-wrap gap-2 text-sm">
            {gates.map((g) => (
              <p key={g.code} className="rounded bg-amber-100 px-2 py-1 font-medium text-amber-900">
                {g.message}
              </p>
            ))}
            {alerts.map((a) => (
              <p
                key={a.code}
                role="alert"
                className={`rounded px-2 py-1 font-medium ${a.severity === "urgent" ? "bg-red-700 text-white" : "bg-red-100 text-red-900"}`}
              >
                {a.message}
              </p>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
