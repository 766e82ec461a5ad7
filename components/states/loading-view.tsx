/** Shown while a page's data loads (a route's loading.tsx): announced once, the shape of a page without its data. */
export function LoadingView() {
  return (
    <div role="status" aria-live="polite" className="py-2">
      <span className="sr-only">Loading…</span>
      <div aria-hidden="true" className="animate-pulse space-y-4">
        <div className="h-8 w-64 rounded bg-slate-200" />
        <div className="h-4 w-full max-w-2xl rounded bg-slate-200" />
        <div className="h-40 w-full rounded-lg bg-slate-200" />
      </div>
    </div>
  );
}
