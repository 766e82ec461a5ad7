#!/usr/bin/env bash
# npm run bench:lists — list and report pages at 1 000 and at 100 000 sessions, each on its own throwaway
# embedded PostgreSQL (.data/bench-lists-<N>, port BENCH_PG_PORT or 54424), then the p95 ratio per page.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL=""
PORT="${BENCH_PG_PORT:-54424}"
SMALL="${BENCH_SMALL:-1000}"
LARGE="${BENCH_LARGE:-100000}"
for N in "$SMALL" "$LARGE"; do
  rm -rf ".data/bench-lists-$N"
  EXPLAIN=""; [ "$N" = "$LARGE" ] && EXPLAIN=1
  BENCH_SESSIONS="$N" BENCH_EXPLAIN="$EXPLAIN" PG_DATA_DIR=".data/bench-lists-$N" PG_PORT="$PORT" npx tsx scripts/with-db.ts \
    "prisma migrate deploy >/dev/null && tsx --conditions=react-server bench/list-pages.ts"
  rm -rf ".data/bench-lists-$N"
done
BENCH_COMPARE=".data/bench-lists-$SMALL.json,.data/bench-lists-$LARGE.json" npx tsx --conditions=react-server bench/list-pages.ts
