import Link from "next/link";

/** The body of a page that cannot show what was asked (not found, not allowed): plain words and the ways on. */
export function ProblemPage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-xl py-8">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div className="mt-2 text-slate-700">{children}</div>
      <nav aria-label="Ways on" className="mt-4">
        <ul className="flex flex-wrap gap-3">
          <li>
            <Link href="/" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white">
              Go to your home page
            </Link>
          </li>
          <li>
            <Link href="/patients" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium">
              Find a patient
            </Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
