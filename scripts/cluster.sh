#!/usr/bin/env bash
# npm run cluster        — one embedded PostgreSQL, one build, two `next start` instances behind HAProxy
#                          (round robin, health checks on /api/health); prints the URL; Ctrl-C stops it all.
# npm run cluster:check  — the same on a throwaway database, then the checks of bench/cluster-check.ts
#                          through the proxy (PASS/FAIL per check, exit 1 on a failure), then stops.
# Ports: CLUSTER_PORT (proxy, default 3400), the app servers on +1 and +2, HAProxy's stats page on +3,
# CLUSTER_PG_PORT (54431); data dir CLUSTER_DATA_DIR (.data/cluster); build dir NEXT_DIST_DIR (.next-cluster);
# CLUSTER_SKIP_BUILD=1 reuses that build. The check's load: CLUSTER_LOAD_NURSES (50), CLUSTER_LOAD_SECONDS (30).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 DATABASE_URL=""
MODE="${1:-serve}"
export CLUSTER_PORT="${CLUSTER_PORT:-3400}"
DATA="${CLUSTER_DATA_DIR:-.data/cluster}"
PG_PORT_="${CLUSTER_PG_PORT:-54431}"
export NEXT_DIST_DIR="${NEXT_DIST_DIR:-.next-cluster}"
mkdir -p .data

echo "[cluster] $(bash scripts/ensure-haproxy.sh)"

# What every instance must share (README "Clinic network"): the session-signing secret, and the server
# actions key at build time. Taken from the environment, else from .data/cluster.env (made once).
SECRETS=.data/cluster.env
if [ -z "${NEXTAUTH_SECRET:-}" ] || [ -z "${NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:-}" ]; then
  [ -f "$SECRETS" ] || node -e 'const c=require("crypto");console.log("NEXTAUTH_SECRET="+c.randomBytes(32).toString("base64url")+"\nNEXT_SERVER_ACTIONS_ENCRYPTION_KEY="+c.randomBytes(32).toString("base64"))' > "$SECRETS"
  set -a; . "./$SECRETS"; set +a
fi
export NEXTAUTH_URL="http://127.0.0.1:${CLUSTER_PORT}"

started=$(date +%s)
if [ "${CLUSTER_SKIP_BUILD:-0}" = 1 ] && [ -f "$NEXT_DIST_DIR/BUILD_ID" ]; then
  echo "[cluster] reusing the build in $NEXT_DIST_DIR (CLUSTER_SKIP_BUILD=1; it must have been built with the same keys)"
else
  echo "[cluster] building once into $NEXT_DIST_DIR"
  cp tsconfig.json .data/cluster-tsconfig.json   # next build rewrites its includes for a custom distDir
  trap 'cp .data/cluster-tsconfig.json tsconfig.json' EXIT
  npx next build > .data/cluster-build.log 2>&1 || { tail -30 .data/cluster-build.log; exit 1; }
  cp .data/cluster-tsconfig.json tsconfig.json
  trap - EXIT
  echo "[cluster] built in $(( $(date +%s) - started )) s"
fi

SEED="tsx --conditions=react-server prisma/seed.ts >/dev/null"
if [ "$MODE" = check ]; then rm -rf "$DATA"; fi
exec env PG_DATA_DIR="$DATA" PG_PORT="$PG_PORT_" npx tsx scripts/with-db.ts \
  "prisma migrate deploy >/dev/null && $SEED && tsx --conditions=react-server scripts/cluster.ts $MODE"
