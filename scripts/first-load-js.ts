// First-load JavaScript per route, gzip-compressed, from a Next 16 build's own figures.
// Next 16.4 (Turbopack) writes `<distDir>/diagnostics/route-bundle-stats.json`: for every app route the chunk
// files a first visit loads (framework, shared, the route's client components). This sums their gzip sizes.
//   npx tsx scripts/first-load-js.ts [distDir]        (default: $NEXT_DIST_DIR or .next)
// Exits 1 when the session page is above the budget (issue 13: 180 KB gzip).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const BUDGET_KB = 180;
const BUDGETED_ROUTE = "/sessions/[id]";

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

export function firstLoadJs(distDir: string) {
  const file = path.join(distDir, "diagnostics", "route-bundle-stats.json");
  if (!fs.existsSync(file)) throw new Error(`${file} not found: run \`next build\` first (with NEXT_DIST_DIR=${distDir} if it is not .next)`);
  const stats = JSON.parse(fs.readFileSync(file, "utf8")) as RouteStats[];
  const gzipped = new Map<string, number>();
  const gz = (chunk: string) => {
    // Paths are written relative to the project root and start with the dist folder's name.
    const p = fs.existsSync(chunk) ? chunk : path.join(distDir, chunk.split("/").slice(1).join("/"));
    if (!gzipped.has(p)) gzipped.set(p, zlib.gzipSync(fs.readFileSync(p), { level: 9 }).length);
    return gzipped.get(p)!;
  };
  return stats
    .map((s) => ({
      route: s.route,
      chunks: s.firstLoadChunkPaths.length,
      rawKb: s.firstLoadUncompressedJsBytes / 1024,
      gzipKb: s.firstLoadChunkPaths.reduce((n, c) => n + gz(c), 0) / 1024,
    }))
    .sort((a, b) => b.gzipKb - a.gzipKb);
}

function main() {
  const distDir = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? ".next";
  const rows = firstLoadJs(distDir);
  const width = Math.max(...rows.map((r) => r.route.length));
  console.log(`${"route".padEnd(width)}  gzip KB   raw KB  chunks`);
  for (const r of rows)
    console.log(
      `${r.route.padEnd(width)}  ${r.gzipKb.toFixed(1).padStart(7)}  ${r.rawKb.toFixed(0).padStart(7)}  ${String(r.chunks).padStart(6)}${r.route === BUDGETED_ROUTE ? `  ← budget ${BUDGET_KB} KB: ${r.gzipKb <= BUDGET_KB ? "OK" : "OVER"}` : ""}`,
    );
  const session = rows.find((r) => r.route === BUDGETED_ROUTE);
  if (!session) {
    console.error(`${BUDGETED_ROUTE} is not in the build`);
    process.exit(1);
  }
  console.log(
    `\nSession page first-load JS: ${session.gzipKb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB) — ${session.gzipKb <= BUDGET_KB ? "within budget" : "OVER BUDGET"}`,
  );
  if (session.gzipKb > BUDGET_KB) process.exit(1);
}

main();
