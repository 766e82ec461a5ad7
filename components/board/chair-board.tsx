"use client";
import Link from "next/link";
import { formatCalendarDate } from "@/lib/patients/format";
import type { PatientRow } from "@/lib/patients/data";
import type { BoardSchedule } from "@/lib/scheduling/data";
import { BoardSchedulePanel } from "./board-schedule";
import { BackEntryBadge } from "@/components/sessions/back-entry-badge";
import { useCallback, useEffect, useState } from "react";
import { clockOffset, minutesSince, serverNow } from "@/lib/sessions/client/server-clock";
import { formatTime } from "@/lib/time/format";

type Msg = { code: string; message: string };
export type Card = {
  sessionId: string;
  backEntryReason: string | null;
  chair: string;
  patientName: string;
  mrn: string;
  birthDate: string;
  status: string;
  timeZone: string;
  t0: string | null;
  devicesGiven: number;
  devicesNeeded: number | null;
  gates: Msg[];
  alerts: (Msg & { severity: "alert" | "urgent" })[];
  nextStep: string;
  forty: { state: string; dueAt: string; windowEnd: string; reading: { bp: string; minutes: number; deviation: boolean } | null } | null;
  dischargeAvailableAt: string | null;
};
type BoardData = { serverNow: string; cards: Card[]; schedule: BoardSchedule };

const POLL_MS = 15_000;
const clock = (iso: string, timeZone: string) => formatTime(iso, timeZone);
const clockSec = (d: Date, timeZone: string) => formatTime(d, timeZone, { seconds: true });

/** Live chair board: polls without a reload, ticks every second on server time, says when it is stale. */
export function ChairBoard({ initial, timeZone, q = "", found = null }: { initial: BoardData; timeZone: string; q?: string; found?: PatientRow[] | null }) {
  const [data, setData] = useState(initial);
  const [offset, setOffset] = useState(() => clockOffset(initial.serverNow, Date.now()));
  const [lastOk, setLastOk] = useState(() => new Date(initial.serverNow));
  const [offline, setOffline] = useState(false);
  const [, tick] = useState(0);

  const refresh = useCallback(async () => {
    try {
      const res = await fetch("/api/board", { headers: { "x-background": "1" }, cache: "no-store" });
      if (res.status === 401) {
        window.location.href = `/sign-in?callbackUrl=${encodeURIComponent("/board")}`;
        return;
      }
      if (!res.ok) throw new Error(String(res.status));
      const json = (await res.json()) as { data: BoardData };
      setData(json.data);
      setOffset(clockOffset(json.data.serverNow, Date.now()));
      setLastOk(new Date(json.data.serverNow));
      setOffline(false);
    } catch {
      setOffline(true);
    }
  }, []);

  useEffect(() => {
    const poll = setInterval(refresh, POLL_MS);
    const second = setInterval(() => tick((n) => n + 1), 1000);
    const back = () => void refresh();
    window.addEventListener("online", back);
    window.addEventListener("offline", () => setOffline(true));
    return () => {
      clearInterval(poll);
      clearInterval(second);
      window.removeEventListener("online", back);
    };
  }, [refresh]);

  const now = serverNow(offset);
  return (
    <div>
      <BoardSchedulePanel sites={data.schedule} q={q} found={found} />
      <p
        role="status"
        className={`mb-4 rounded-md px-3 py-2 text-sm ${offline ? "border border-amber-300 bg-amber-50 font-medium text-amber-900" : "text-slate-600"}`}
      >
        {offline
          ? `Offline — last updated ${clockSec(lastOk, timeZone)}. Timers keep running; the board catches up when the connection returns.`
          : `Updated ${clockSec(lastOk, timeZone)} · clinic time ${clockSec(now, timeZone)}`}
      </p>
      {!data.cards.length && <p className="text-slate-700">No active sessions. Check in a patient to start one.</p>}
      <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {data.cards.map((c) => (
          <BoardCardView key={c.sessionId} card={c} now={now} />
        ))}
      </ul>
    </div>
  );
}

function BoardCardView({ card: c, now }: { card: Card; now: Date }) {
  const tz = c.timeZone;
  const blocked = c.gates.length > 0;
  const urgent = c.alerts.some((a) => a.severity === "urgent");
  const fortyDue = c.forty && c.forty.state !== "recorded" && now >= new Date(c.forty.dueAt);
  const fortyOverdue = c.forty && c.forty.state !== "recorded" && now > new Date(c.forty.windowEnd);
  const canLeave = c.dischargeAvailableAt && now >= new Date(c.dischargeAvailableAt);
  return (
    <li
      aria-label={`${c.chair}: ${c.patientName}`}
      className={`rounded-lg border-2 bg-white p-4 shadow-sm ${urgent ? "border-red-600" : blocked ? "border-amber-500" : "border-slate-200"}`}
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">{c.chair}</h2>
        <span className="text-sm text-slate-600">{c.status.replace("_", " ").toLowerCase()}</span>
      </div>
      <p className="text-xl font-medium">
        {c.patientName}
        <BackEntryBadge reason={c.backEntryReason} />
      </p>
      <p className="text-sm text-slate-700">
        MRN {c.mrn} · born {formatCalendarDate(new Date(`${c.birthDate}T00:00:00Z`))}
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-600">Since first device</dt>
        <dd className="text-2xl font-semibold tabular-nums" data-testid="since-t0">
          {c.t0 ? `${minutesSince(c.t0, now)} min` : "not dosed"}
        </dd>
        {c.devicesNeeded != null && (
          <>
            <dt className="text-slate-600">Devices</dt>
            <dd>
              {c.devicesGiven} of {c.devicesNeeded}
            </dd>
          </>
        )}
        {c.forty && (
          <>
            <dt className="text-slate-600">40-min BP</dt>
            <dd className={fortyOverdue ? "font-semibold text-red-700" : fortyDue ? "font-semibold text-amber-800" : ""}>
              {c.forty.reading
                ? `recorded ${c.forty.reading.bp} at ${c.forty.reading.minutes} min${c.forty.reading.deviation ? " (outside 30–50 min)" : ""}`
                : fortyOverdue
                  ? `overdue since ${clock(c.forty.windowEnd, tz)}`
                  : `due at ${clock(c.forty.dueAt, tz)}`}
            </dd>
          </>
        )}
        {c.dischargeAvailableAt && (
          <>
            <dt className="text-slate-600">Discharge</dt>
            <dd className={canLeave ? "font-semibold text-green-800" : ""}>
              {canLeave ? "discharge possible now" : `discharge possible at ${clock(c.dischargeAvailableAt, tz)}`}
            </dd>
          </>
        )}
      </dl>
      {c.gates.map((g) => (
        <p key={g.code} className="mt-2 rounded bg-amber-100 px-2 py-1 text-sm font-medium text-amber-900">
          {g.message}
        </p>
      ))}
      {c.alerts.map((a) => (
        <p
          key={a.code}
          role="alert"
          className={`mt-2 rounded px-2 py-1 text-sm font-medium ${a.severity === "urgent" ? "bg-red-700 text-white" : "bg-red-100 text-red-900"}`}
        >
          {a.message}
        </p>
      ))}
      <p className="mt-3 text-sm">
        <span className="text-slate-600">Next: </span>
        <span className="font-medium">{c.nextStep}</span>
      </p>
      <Link
        href={`/sessions/${c.sessionId}`}
        className="mt-3 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
      >
        Open session
      </Link>
    </li>
  );
}
