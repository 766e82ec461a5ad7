#!/usr/bin/env bash
# npm run bench:vitals — needs a production build (npx next build) first.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 DATABASE_URL=""
[ -d "${NEXT_DIST_DIR:-.next}" ] || npx next build
[ "${BENCH_INSTANCES:-1}" = 1 ] || bash scripts/ensure-haproxy.sh
rm -rf "${BENCH_PG_DATA_DIR:-.data/bench-vitals}"
PG_DATA_DIR="${BENCH_PG_DATA_DIR:-.data/bench-vitals}" PG_PORT="${BENCH_PG_PORT:-54421}" npx tsx scripts/with-db.ts \
  "prisma migrate deploy >/dev/null && tsx --conditions=react-server prisma/seed.ts >/dev/null && tsx --conditions=react-server bench/vitals-load.ts"
