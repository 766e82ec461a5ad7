#!/usr/bin/env bash
# npm run bench:patient-import — on a throwaway embedded PostgreSQL (.data/bench-import, port BENCH_PG_PORT or 54424).
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL=""
rm -rf .data/bench-import
PG_DATA_DIR=.data/bench-import PG_PORT="${BENCH_PG_PORT:-54424}" npx tsx scripts/with-db.ts "prisma migrate deploy >/dev/null && tsx --conditions=react-server bench/patient-import.ts"
