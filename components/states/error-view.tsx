"use client";
import { useEffect, useRef } from "react";
import Link from "next/link";

/**
 * What a page that failed to render shows: plain words, "Try again" (re-renders the page; nothing typed elsewhere is
 * lost) and the way home. Never the error's text or stack: the server logged it with its digest.
 */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div role="alert" className="mx-auto max-w-xl py-8">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
        This page could not be shown
      </h1>
      <p className="mt-2 text-slate-700">
        Something went wrong while loading it. What was saved before is still saved. Try again; if it keeps happening, tell your administrator
        {error.digest ? (
          <>
            {" "}
            and give them this reference: <code className="font-mono">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={reset} className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white">
          Try again
        </button>
        <Link href="/" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium">
          Go to your home page
        </Link>
      </div>
    </div>
  );
}
