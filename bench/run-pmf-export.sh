#!/usr/bin/env bash
# npm run bench:pmf-export — on a throwaway embedded PostgreSQL (.data/bench-pmf, port 54422).
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL=""
rm -rf "${BENCH_PG_DATA_DIR:-.data/bench-pmf}"
PG_DATA_DIR="${BENCH_PG_DATA_DIR:-.data/bench-pmf}" PG_PORT="${BENCH_PG_PORT:-54422}" npx tsx scripts/with-db.ts "prisma migrate deploy >/dev/null && NODE_OPTIONS=--expose-gc tsx --conditions=react-server bench/pmf-export.ts"
