#!/usr/bin/env bash
# npm run bench:fhir-bulk — on a throwaway embedded PostgreSQL (BENCH_PG_DIR, default .data/bench-fhir; BENCH_PG_PORT, default 54423).
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL=""
dir="${BENCH_PG_DIR:-.data/bench-fhir}"
rm -rf "$dir"
PG_DATA_DIR="$dir" PG_PORT="${BENCH_PG_PORT:-54423}" npx tsx scripts/with-db.ts "prisma migrate deploy >/dev/null && NODE_OPTIONS=\"--expose-gc --max-old-space-size=256\" tsx --conditions=react-server bench/fhir-bulk.ts"
