#!/usr/bin/env bash
# npm run bench:lists — list and report pages at 1 000 and at 100 000 sessions, each on its own throwaway embedded
# PostgreSQL (.data/bench-lists-<N>, ports BENCH_PG_PORT and the next, default 54424), timed alternately (bench/list-pages.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx bench/list-pages.ts
