"use client";
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const path = usePathname();
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((i) => {
        const current = path === i.href || path.startsWith(i.href + "/");
        return (
          <li key={i.href}>
            <Link
              href={i.href}
              aria-current={current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-md px-3 font-medium ${current ? "bg-brand-100 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {i.label}
              <Pending />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * While the page a menu link leads to loads, the link says so. (Not a route-level loading.tsx: a page streamed
 * behind one is sent with status 200 before it has authorized, and refusals must answer 403 and 404.)
 */
function Pending() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span role="status" className="ml-2 inline-block size-3 animate-spin rounded-full border-2 border-brand-600 border-t-transparent">
      <span className="sr-only">Loading…</span>
    </span>
  ) : null;
}
