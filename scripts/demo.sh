#!/usr/bin/env bash
# npm run demo: install, build, start the embedded PostgreSQL (.data/pg, 127.0.0.1:54329), migrate,
# seed the demo clinic and serve it at http://localhost:${PORT:-3000}.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
cd "$(dirname "$0")/.."
[ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
if [ ! -f .env.local ] || ! grep -q '^NEXTAUTH_SECRET=' .env.local; then
  echo "NEXTAUTH_SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))')" >> .env.local
fi
grep -q '^NEXTAUTH_URL=' .env.local || echo "NEXTAUTH_URL=http://localhost:${PORT:-3000}" >> .env.local
npx next build
exec npx tsx scripts/with-db.ts "prisma migrate deploy && tsx --conditions=react-server prisma/seed.ts && next start -p ${PORT:-3000}"
