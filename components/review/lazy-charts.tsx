"use client";
// The chart library (recharts) is loaded only when a chart comes near the screen (or the page is printed), so a
// page that has a chart far down — the session page — does not carry it in its first-load JavaScript.
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentProps } from "react";
import type { SessionBpChart } from "./session-bp-chart";
import type { CourseBpChart } from "./course-chart";
import type { OutcomeTrendChart } from "./outcome-trend-chart";

const loading = () => <p className="py-8 text-center text-sm text-slate-700">Loading chart…</p>;
const SessionBpChartLazy = dynamic(() => import("./session-bp-chart").then((m) => m.SessionBpChart), { ssr: false, loading });
const CourseBpChartLazy = dynamic(() => import("./course-chart").then((m) => m.CourseBpChart), { ssr: false, loading });
const OutcomeTrendChartLazy = dynamic(() => import("./outcome-trend-chart").then((m) => m.OutcomeTrendChart), { ssr: false, loading });

/** Renders its children once the placeholder is within 400 px of the viewport, or when the page is printed. */
export function WhenVisible({ minHeight, children }: { minHeight: number; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown || !ref.current) return;
    const show = () => setShown(true);
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) show();
      },
      { rootMargin: "400px 0px" },
    );
    io.observe(ref.current);
    const print = window.matchMedia("print");
    const onMedia = (e: MediaQueryListEvent) => {
      if (e.matches) show();
    };
    if (print.matches) show();
    print.addEventListener("change", onMedia);
    window.addEventListener("beforeprint", show);
    return () => {
      io.disconnect();
      print.removeEventListener("change", onMedia);
      window.removeEventListener("beforeprint", show);
    };
  }, [shown]);
  return (
    <div ref={ref} data-chart-loaded={shown || undefined} style={shown ? undefined : { minHeight }}>
      {shown ? children : null}
    </div>
  );
}

export const LazySessionBpChart = (props: ComponentProps<typeof SessionBpChart>) => (
  <WhenVisible minHeight={680}>
    <SessionBpChartLazy {...props} />
  </WhenVisible>
);
export const LazyCourseBpChart = (props: ComponentProps<typeof CourseBpChart>) => (
  <WhenVisible minHeight={520}>
    <CourseBpChartLazy {...props} />
  </WhenVisible>
);
export const LazyOutcomeTrendChart = (props: ComponentProps<typeof OutcomeTrendChart>) => (
  <WhenVisible minHeight={260}>
    <OutcomeTrendChartLazy {...props} />
  </WhenVisible>
);
