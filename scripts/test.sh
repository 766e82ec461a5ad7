#!/usr/bin/env bash
# The one test command (npm test): install, typecheck, lint, unit + data tests on a real PostgreSQL,
# production build, Chromium, Playwright against `next start` on a throwaway embedded PostgreSQL.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
cd "$(dirname "$0")/.."
[ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
mkdir -p .data
UNIT=.data/summary-unit.json; E2E=.data/summary-e2e.json; rm -f "$UNIT" "$E2E"

echo "== typecheck"; npx tsc --noEmit
echo "== lint (ESLint: Next, typescript-eslint, jsx-a11y; Prettier)"; npm run --silent lint
echo "== migrations match the schema"; DATABASE_URL="" PG_DATA_DIR=.data/check PG_PORT=54337 npx tsx scripts/with-db.ts \
  "prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --exit-code >/dev/null" \
  || { echo "prisma/schema.prisma has changes without a migration (npm run db:migration -- <name>)"; exit 1; }
echo "== unit and data tests"; unit_rc=0; SUMMARY_FILE="$UNIT" bash scripts/test-unit.sh || unit_rc=$?
echo "== build"; npx next build
echo "== browser tests"; e2e_rc=0; bash scripts/ensure-chromium.sh && SUMMARY_FILE="$E2E" npx playwright test "$@" || e2e_rc=$?

node -e '
const fs = require("fs");
const read = (f) => { try { return JSON.parse(fs.readFileSync(f, "utf8")); } catch { return { passed: 0, failed: 1, skipped: 0 }; } };
const u = read(process.argv[1]), e = read(process.argv[2]);
console.log(`\n${u.passed + e.passed} passed, ${u.failed + e.failed} failed, ${u.skipped + e.skipped} skipped`);
' "$UNIT" "$E2E"
[ "$unit_rc" = 0 ] && [ "$e2e_rc" = 0 ]
