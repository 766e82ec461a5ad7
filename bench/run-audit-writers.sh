#!/usr/bin/env bash
# npm run bench:audit — on a throwaway embedded PostgreSQL (BENCH_PG_DATA_DIR, default .data/bench-audit; BENCH_PG_PORT, default 54423).
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="" PG_POOL_MAX="${PG_POOL_MAX:-40}"
rm -rf "${BENCH_PG_DATA_DIR:-.data/bench-audit}"
PG_DATA_DIR="${BENCH_PG_DATA_DIR:-.data/bench-audit}" PG_PORT="${BENCH_PG_PORT:-54423}" npx tsx scripts/with-db.ts "prisma migrate deploy >/dev/null && tsx --conditions=react-server bench/audit-writers.ts"
