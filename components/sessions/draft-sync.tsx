"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { flushDrafts, readDrafts } from "@/lib/sessions/client/drafts";

/** Sends entries kept on the tablet when the connection returns, and says how many wait. */
export function DraftSync() {
  const router = useRouter();
  const [waiting, setWaiting] = useState(0);
  useEffect(() => {
    const count = () => setWaiting(readDrafts(localStorage).length);
    const flush = async () => {
      const sent = await flushDrafts(localStorage, async (d) => {
        try {
          const res = await fetch(d.url, { method: d.method, headers: { "content-type": "application/json", "idempotency-key": d.key }, body: JSON.stringify(d.body) });
          return res.ok ? "sent" : res.status >= 500 ? "offline" : "refused";
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
    const timer = setInterval(() => { if (navigator.onLine) void flush(); }, 15_000);
    return () => { window.removeEventListener("online", flush); window.removeEventListener("session-drafts", count); clearInterval(timer); };
  }, [router]);
  if (!waiting) return null;
  return <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 font-medium text-amber-900">{waiting} entr{waiting === 1 ? "y" : "ies"} saved on this tablet, waiting for the connection.</p>;
}
