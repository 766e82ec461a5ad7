"use client";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { hasNextPage, listHref, pageLinks, showingText, type ListSort, type PageInfo } from "@/lib/tables/list-query";

export type DataColumn = {
  id: string;
  header: string;
  /** Sorted on the server by this key (one of the list's whitelisted keys). */
  sortable?: boolean;
  /** The column with the row's buttons: stays in view (sticky at the right edge) when the table scrolls sideways. */
  action?: boolean;
  /** The cell that names the row (a row header for screen readers). */
  rowHeader?: boolean;
  align?: "right";
  nowrap?: boolean;
};
export type DataRow = { id: string; cells: Record<string, ReactNode>; tone?: "alert" };

type Props = {
  /** What the table lists, for its caption and the scroll region's name. */
  label: string;
  columns: DataColumn[];
  rows: DataRow[];
  sort?: ListSort;
  /** Server-side pages; omitted for a short list shown whole. */
  page?: PageInfo;
  /** Noun for "Showing 1–25 of 300 forms". */
  noun?: string;
  empty: string;
  /** Query parameter names of this table's page and sort, when a screen has two paginated tables. */
  paramPrefix?: string;
};

const cellClass = (c: DataColumn, tone?: DataRow["tone"]) =>
  [
    "p-2 align-top",
    c.align === "right" ? "text-right tabular-nums" : "",
    c.nowrap ? "whitespace-nowrap" : "",
    c.action ? `sticky right-0 z-10 border-l border-slate-200 shadow-[-8px_0_8px_-8px_rgba(15,23,42,0.35)] ${tone === "alert" ? "bg-red-50" : "bg-white"}` : "",
  ].join(" ");

/**
 * The one table of the app's worklists, logs, lots and lists (TanStack Table, headless): rows are paged and
 * sorted on the server, page and sort live in the URL (the back button works), and at tablet width the action
 * column stays in view while the rest scrolls, with a note that it does.
 */
export function DataTable({ label, columns, rows, sort, page, noun = "rows", empty, paramPrefix = "" }: Props) {
  const pathname = usePathname();
  const search = useSearchParams();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  const hintId = useId();
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [rows]);

  const defs: ColumnDef<DataRow, ReactNode>[] = columns.map((c) => ({
    id: c.id,
    header: c.header,
    accessorFn: (r) => r.cells[c.id],
    cell: (info) => info.getValue(),
    enableSorting: !!c.sortable,
    meta: c,
  }));
  const table = useReactTable({
    data: rows,
    columns: defs,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
    manualSorting: true,
    manualPagination: true,
    state: { sorting: sort ? [{ id: sort.key, desc: sort.dir === "desc" }] : [] },
  });
  const p = (name: string) => `${paramPrefix}${name}`;
  const sortHref = (id: string) => {
    const dir = sort?.key === id && sort.dir === "asc" ? "desc" : "asc";
    return listHref(pathname, search, { [p("sort")]: id, [p("dir")]: dir, [p("page")]: undefined });
  };
  const pageHref = (n: number) => listHref(pathname, search, { [p("page")]: n === 1 ? undefined : n });

  return (
    <div>
      {/* an empty list says so once, in the table */}
      {page && (rows.length > 0 || page.page > 1) && (
        <p className="mb-2 text-slate-700" aria-live="polite">
          {showingText(page, rows.length, noun)}
        </p>
      )}
      {scrolls && (
        <p className="mb-1 text-sm text-slate-700" id={hintId}>
          The table scrolls sideways: swipe or use the arrow keys for more columns. The last column stays in view.
        </p>
      )}
      {/* focusable only while it scrolls, so the keyboard can scroll it; named by the hint (no second region of the same name) */}
      <div
        ref={scroller}
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={scrolls ? 0 : undefined}
        aria-describedby={scrolls ? hintId : undefined}
      >
        <table className="w-full text-left">
          <caption className="sr-only">
            {label}
            {sort ? `, sorted by ${columns.find((c) => c.id === sort.key)?.header ?? sort.key}, ${sort.dir === "asc" ? "ascending" : "descending"}` : ""}
          </caption>
          <thead className="bg-slate-100 text-sm">
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const c = h.column.columnDef.meta as DataColumn;
                  const sorted = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                      className={`${cellClass(c)} ${c.action ? "bg-slate-100" : ""} align-bottom`}
                    >
                      {h.column.getCanSort() ? (
                        <Link href={sortHref(c.id)} scroll={false} className="inline-flex min-h-11 items-center gap-1 text-brand-700 underline">
                          {c.header}
                          <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                          <span className="sr-only">
                            {sorted === "asc" ? "(sorted ascending; sort descending)" : sorted === "desc" ? "(sorted descending; sort ascending)" : "(sort)"}
                          </span>
                        </Link>
                      ) : (
                        flexRender(h.column.columnDef.header, h.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((r) => (
              <tr key={r.id} className={`border-t border-slate-200 ${r.original.tone === "alert" ? "bg-red-50" : ""}`}>
                {r.getVisibleCells().map((cell) => {
                  const c = cell.column.columnDef.meta as DataColumn;
                  const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                  return c.rowHeader ? (
                    <th key={cell.id} scope="row" className={`${cellClass(c, r.original.tone)} font-medium`}>
                      {content}
                    </th>
                  ) : (
                    <td key={cell.id} className={cellClass(c, r.original.tone)}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
            {!rows.length && (
              <tr>
                <td colSpan={columns.length} className="p-3 text-slate-700">
                  {empty}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {page && (page.pageCount > 1 || page.page > 1 || hasNextPage(page, rows.length)) && (
        <nav aria-label={`Pages of ${label}`} className="mt-3 flex flex-wrap items-center gap-2">
          {page.page > 1 ? (
            <Link href={pageHref(page.page - 1)} className={pagerLink} rel="prev">
              Previous
            </Link>
          ) : (
            <span className={pagerOff} aria-disabled="true">
              Previous
            </span>
          )}
          {pageLinks(page.page, page.pageCount).map((n, i) =>
            n === null ? (
              <span key={`gap-${i}`} className="px-1 text-slate-700" aria-hidden="true">
                …
              </span>
            ) : n === page.page ? (
              <span key={n} aria-current="page" className={pagerCurrent}>
                {n}
              </span>
            ) : (
              <Link key={n} href={pageHref(n)} className={pagerLink} aria-label={`Page ${n}`}>
                {n}
              </Link>
            ),
          )}
          {page.capped && page.page >= page.pageCount && <span className="px-1 text-slate-700">…</span>}
          {hasNextPage(page, rows.length) ? (
            <Link href={pageHref(page.page + 1)} className={pagerLink} rel="next">
              Next
            </Link>
          ) : (
            <span className={pagerOff} aria-disabled="true">
              Next
            </span>
          )}
        </nav>
      )}
    </div>
  );
}

const pagerLink = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-slate-300 bg-white px-3 text-brand-700";
const pagerCurrent = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-brand-700 bg-brand-700 px-3 font-semibold text-white";
const pagerOff = "inline-flex min-h-11 items-center px-3 text-slate-600";
