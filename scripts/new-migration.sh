#!/usr/bin/env bash
# Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql from the difference between the
# migrations so far and prisma/schema.prisma, on a throwaway embedded PostgreSQL. (`prisma migrate dev`
# needs a shadow database that the JS schema engine cannot create here.) Review the SQL, then commit.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: npm run db:migration -- <name>}"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
sql="$(DATABASE_URL="" PG_DATA_DIR="${MIGRATION_DATA_DIR:-.data/migration}" PG_PORT="${MIGRATION_PG_PORT:-54336}" npx tsx scripts/with-db.ts \
  "prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --script" | grep -v '^Loaded Prisma config')"
if ! grep -q '[A-Z]' <<<"$sql" || grep -q 'empty migration' <<<"$sql"; then echo "schema.prisma matches the migrations: nothing to write"; exit 0; fi
mkdir -p "$dir"; printf '%s\n' "$sql" > "$dir/migration.sql"; echo "wrote $dir/migration.sql"; npx prisma generate >/dev/null
