#!/usr/bin/env bash
# Unit and data tests against a throwaway embedded PostgreSQL (.data/unit, port 54338).
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 DATABASE_URL=""
DIR="${UNIT_DATA_DIR:-.data/unit}"
PORT="${UNIT_PG_PORT:-54338}"
rm -rf "$DIR"
PG_DATA_DIR="$DIR" PG_PORT="$PORT" npx tsx scripts/with-db.ts "prisma migrate deploy >/dev/null && vitest run $*"
# The same rules once more in a time zone with a 45-minute offset: no rule may depend on the machine's zone.
PG_DATA_DIR="$DIR" PG_PORT="$PORT" TZ=Asia/Kathmandu SUMMARY_FILE= npx tsx scripts/with-db.ts "vitest run --reporter=dot rules" || exit 1
