const input = "min-h-11 rounded-md border border-slate-300 bg-white px-3";

/** Site and treatment-date range of a report page, submitted as a GET form (the URL keeps the filter). */
export function RangeFilter({
  sites,
  site,
  from,
  to,
  label,
}: {
  sites: { id: string; name: string }[];
  site?: string;
  from: string;
  to: string;
  label: string;
}) {
  return (
    <form method="get" className="mb-3 flex flex-wrap items-end gap-3" aria-label={label}>
      {sites.length > 1 && (
        <label className="flex flex-col font-medium">
          Site
          <select name="site" defaultValue={site ?? ""} className={input}>
            <option value="">All my sites</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="flex flex-col font-medium">
        Treatment from
        <input type="date" name="from" defaultValue={from} className={input} />
      </label>
      <label className="flex flex-col font-medium">
        to
        <input type="date" name="to" defaultValue={to} className={input} />
      </label>
      <button className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white">Show</button>
    </form>
  );
}
