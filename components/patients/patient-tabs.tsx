import Link from "next/link";

const TABS = [
  { key: "overview", label: "Overview", href: (id: string) => `/patients/${id}` },
  { key: "course", label: "Course and outcomes", href: (id: string) => `/patients/${id}/course` },
  { key: "trd", label: "TRD documentation", href: (id: string) => `/patients/${id}/trd` },
  { key: "authorizations", label: "Authorizations", href: (id: string) => `/patients/${id}/authorizations` },
] as const;

/** The patient's name and the tabs of their record. */
export function PatientTabs({
  patientId,
  name,
  mrn,
  current,
  subtitle,
  action,
  only,
}: {
  patientId: string;
  name: string;
  mrn: string;
  current: (typeof TABS)[number]["key"];
  subtitle?: React.ReactNode;
  action?: React.ReactNode;
  /** The tabs the viewer may open (an administrator reads only the authorizations); all when left out. */
  only?: (typeof TABS)[number]["key"][];
}) {
  return (
    <div className="mb-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">
            {name} <span className="text-base font-normal text-slate-600">MRN {mrn}</span>
          </h1>
          {subtitle && <p className="text-slate-700">{subtitle}</p>}
        </div>
        {action}
      </div>
      <nav aria-label="Patient record" className="no-print mt-2 flex flex-wrap gap-2 border-b border-slate-200">
        {TABS.filter((t) => !only || only.includes(t.key)).map((t) => (
          <Link
            key={t.key}
            href={t.href(patientId)}
            aria-current={t.key === current ? "page" : undefined}
            className={`-mb-px inline-flex min-h-11 items-center border-b-2 px-3 ${t.key === current ? "border-brand-700 font-semibold text-brand-800" : "border-transparent text-slate-700 hover:text-brand-700"}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
    </div>
  );
}
