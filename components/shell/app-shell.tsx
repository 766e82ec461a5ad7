import Link from "next/link";
import type { NavItem } from "@/lib/auth/permissions";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { IdleLock } from "./idle-lock";

const ROLE_LABEL = { NURSE: "Nurse", PSYCHIATRIST: "Psychiatrist", ADMIN: "Administrator" } as const;

type Props = {
  nav: NavItem[];
  user: { name: string; role: keyof typeof ROLE_LABEL; sites: string[] };
  idleMinutes: number;
  children: React.ReactNode;
};

export function AppShell({ nav, user, idleMinutes, children }: Props) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-4 py-3 font-medium text-brand-700 underline focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to main content
      </a>
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <Link href="/" className="font-semibold text-brand-700">
            Esketamine Session Tracker
          </Link>
          <nav aria-label="Main" className="order-last basis-full 2xl:order-none 2xl:flex-1 2xl:basis-auto">
            <NavLinks items={nav.map(({ href, label }) => ({ href, label }))} />
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span>
              <Link
                href="/account/password"
                className="inline-flex min-h-11 items-center font-medium underline-offset-2 hover:underline"
                title="Your account: change your password"
              >
                {user.name}
              </Link>
              <span className="text-slate-600"> · {ROLE_LABEL[user.role]}</span>
              {/* The site list is long for staff of several sites: on a tablet it would push the menu onto three lines. */}
              <span className="hidden text-slate-600 xl:inline"> · {user.sites.join(", ") || "no site"}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
        {children}
      </main>
      <IdleLock minutes={idleMinutes} />
    </div>
  );
}
