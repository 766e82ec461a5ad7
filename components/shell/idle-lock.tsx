"use client";
import { useEffect } from "react";
import { signOut } from "next-auth/react";

const EVENTS = ["pointerdown", "keydown", "wheel", "touchstart"] as const;

/**
 * Locks a tablet left alone: after `minutes` without a touch or key, the session ends and the
 * sign-in page opens with the way back to this page. The server enforces the same limit on its own.
 */
export function IdleLock({ minutes }: { minutes: number }) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const lock = async () => {
      const back = window.location.pathname + window.location.search;
      await fetch("/api/session/lock", { method: "POST" }).catch(() => undefined);
      void signOut({ callbackUrl: `/sign-in?reason=idle&callbackUrl=${encodeURIComponent(back)}` });
    };
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void lock(), minutes * 60_000);
    };
    reset();
    for (const e of EVENTS) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of EVENTS) window.removeEventListener(e, reset);
    };
  }, [minutes]);
  return null;
}
