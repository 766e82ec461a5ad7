import Link from "next/link";

export const REPORT_TABS = [
  { href: "/reports", label: "PMF worklist" },
  { href: "/reports/adverse-events", label: "Adverse events" },
  { href: "/reports/deviations", label: "Protocol deviations" },
  { href: "/reports/enrollment", label: "Enrollment and certification" },
  { href: "/reports/monitoring-duration", label: "Monitoring duration" },
  { href: "/reports/billing", label: "Billing" },
] as const;

/** The row of report tabs on every reports page; the current one is marked for assistive technology. */
export function ReportTabs({ current }: { current: (typeof REPORT_TABS)[number]["href"] }) {
  return (
    <nav aria-label="Reports" className="mb-6 border-b border-slate-200">
      <ul className="flex flex-wrap gap-1">
        {REPORT_TABS.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={t.href === current ? "page" : undefined}
              prefetch={false}
              className={`inline-flex min-h-11 items-center rounded-t-md border-b-2 px-3 font-medium ${t.href === current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:bg-slate-100"}`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
