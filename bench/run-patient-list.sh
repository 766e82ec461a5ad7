#!/usr/bin/env bash
# npm run bench:patients — on a throwaway embedded PostgreSQL (.data/bench-patients, port 54423).
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL=""
rm -rf .data/bench-patients
PG_DATA_DIR=.data/bench-patients PG_PORT=54423 npx tsx scripts/with-db.ts "prisma migrate deploy >/dev/null && tsx --conditions=react-server bench/patient-list.ts"
