import { z } from "zod";

/** Rows per page of every shared table (worklists, logs, lots, lists). */
export const PAGE_SIZE = 25;
/**
 * Counting every match of a broad filter at 100 000 sessions costs more than it tells: lists count at most
 * this many rows and past it say "more than" (the pager then offers the next page while a page is full).
 */
export const COUNT_CAP = 1000;
/** The deepest page a URL may ask for (an offset past this is refused into the last page that exists). */
export const MAX_PAGE = 2000;

export type SortDir = "asc" | "desc";
export type ListSort<K extends string = string> = { key: K; dir: SortDir };

/**
 * Page and sort of a list, read from the query string: `page` (1…), `sort` (one of the whitelisted column keys)
 * and `dir`. Anything malformed falls back to the default: a hand-edited URL never reaches the database as SQL
 * and never answers 500.
 */
export function listParamsSchema<K extends string>(keys: readonly [K, ...K[]], defaults: ListSort<NoInfer<K>>) {
  return z.object({
    page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
    sort: z.enum(keys as [K, ...K[]]).catch(defaults.key),
    dir: z.enum(["asc", "desc"]).catch(defaults.dir),
  });
}

export type PageInfo = { page: number; pageSize: number; total: number; capped: boolean; pageCount: number };
export type Paged<T> = PageInfo & { rows: T[] };

/** Page count and the page actually shown, from a count taken up to COUNT_CAP + 1 rows. */
export function pageInfo(counted: number, page: number, pageSize = PAGE_SIZE, cap = COUNT_CAP): PageInfo {
  const capped = counted > cap;
  const pageCount = Math.max(1, Math.ceil(Math.min(counted, cap) / pageSize));
  // Past the counted pages of a capped list the page is kept (the rows decide whether it is empty).
  return { page: capped ? page : Math.min(page, pageCount), pageSize, total: counted, capped, pageCount };
}

export const offsetOf = (p: Pick<PageInfo, "page" | "pageSize">) => (p.page - 1) * p.pageSize;

/** "Showing 26–50 of 1 234" (or "of more than 1 000"). */
export function showingText(p: PageInfo, shown: number, noun = "rows"): string {
  if (p.total === 0 || shown === 0) return p.page > 1 ? "No rows on this page." : `No ${noun} match.`;
  const first = (p.page - 1) * p.pageSize + 1;
  const total = p.capped ? `more than ${(p.total - 1).toLocaleString("en-US")}` : p.total.toLocaleString("en-US");
  return `Showing ${first}–${first + shown - 1} of ${total} ${noun}`;
}

/** Whether the list has a page after `p` (a capped list: while the current page is full). */
export const hasNextPage = (p: PageInfo, shown: number) => p.page < p.pageCount || (p.capped && shown === p.pageSize);

/** The page links to show: first, last, and two each side of the current one; `null` is a gap. */
export function pageLinks(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    if (out.length && n - (out[out.length - 1] as number) > 1) out.push(null);
    out.push(n);
  }
  return out;
}

/** The query string of a list link: the current parameters with some replaced (undefined removes one). */
export function listHref(
  pathname: string,
  current: URLSearchParams | Record<string, string | undefined>,
  change: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams(current instanceof URLSearchParams ? current : Object.entries(current).filter((e): e is [string, string] => e[1] != null));
  for (const [k, v] of Object.entries(change)) {
    if (v == null || v === "") params.delete(k);
    else params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}
