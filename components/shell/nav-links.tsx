"use client";
import Link from "next/link";
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
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
