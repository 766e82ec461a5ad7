"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { flushDrafts, readDrafts } from "@/lib/sessions/client/drafts";
import { alertsOfReply, type ReplyAlert } from "@/lib/sessions/client/reply-alerts";
import { Button } from "@/components/ui/button";
import { EntryAlerts } from "./entry-alerts";
import { formatTime, viewerZone } from "@/lib/time/format";

type LateAlerts = { key: string; label: string; savedAt: string; alerts: ReplyAlert[] };

/** Sends entries kept on the tablet when the connection returns, and says how many wait. */
export function DraftSync() {
  const router = useRouter();
  const [waiting, setWaiting] = useState(0);
  const [late, setLate] = useState<LateAlerts[]>([]);
  useEffect(() => {
    const count = () => setWaiting(readDrafts(localStorage).length);
    const flush = async () => {
      const sent = await flushDrafts(localStorage, async (d) => {
        try {
          const res = await fetch(d.url, {
            method: d.method,
            headers: { "content-type": "application/json", "idempotency-key": d.key },
            body: JSON.stringify(d.body),
          });
          if (!res.ok) return res.status >= 500 ? "offline" : "refused";
          // The reply to an entry sent late may carry alerts (an urgent BP): the nurse must see them.
          const alerts = alertsOfReply((await res.json().catch(() => null))?.data);
          if (alerts.length) setLate((l) => [...l.filter((x) => x.key !== d.key), { key: d.key, label: d.label, savedAt: d.savedAt, alerts }]);
          return "sent";
        } catch {
          return "offline";
        }
      });
      count();
      if (sent) router.refresh();
    };
    count();
    void flush();
    window.addEventListener("online", flush);
    window.addEventListener("session-drafts", count);
    const timer = setInterval(() => {
      if (navigator.onLine) void flush();
    }, 15_000);
    return () => {
      window.removeEventListener("online", flush);
      window.removeEventListener("session-drafts", count);
      clearInterval(timer);
    };
  }, [router]);
  if (!waiting && !late.length) return null;
  return (
    <div className="mb-4 flex flex-col gap-2">
      {waiting > 0 && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 font-medium text-amber-900">
          {waiting} entr{waiting === 1 ? "y" : "ies"} saved on this tablet, waiting for the connection.
        </p>
      )}
      {late.map((l) => (
        <section key={l.key} aria-label={`Alerts for ${l.label} sent late`} className="flex flex-col gap-2">
          <EntryAlerts
            alerts={l.alerts}
            intro={`${l.label} entered at ${formatTime(l.savedAt, viewerZone())} on this tablet, sent when the connection returned:`}
          />
          <div>
            <Button type="button" variant="secondary" onClick={() => setLate((x) => x.filter((y) => y.key !== l.key))}>
              I have seen this alert
            </Button>
          </div>
        </section>
      ))}
    </div>
  );
}
