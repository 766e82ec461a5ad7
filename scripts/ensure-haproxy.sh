#!/usr/bin/env bash
# HAProxy from Debian when missing (2.6 on Debian 12), for `npm run cluster` and `BENCH_INSTANCES=2 npm run bench:vitals`.
set -euo pipefail
if ! command -v haproxy >/dev/null; then
  echo "[ensure-haproxy] installing haproxy (apt-get)" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  APT="$SUDO env DEBIAN_FRONTEND=noninteractive apt-get" # env after sudo: sudo drops the caller's environment
  $APT install -y -q haproxy >/dev/null 2>&1 || { $APT update -q >/dev/null && $APT install -y -q haproxy >/dev/null; }
fi
haproxy -v 2>/dev/null | sed -n 1p
