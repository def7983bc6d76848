#!/usr/bin/env bash
# Starts the built server on a fresh embedded database and checks that the main pages answer.
set -euo pipefail
port=${SMOKE_PORT:-3987}
dir=$(mktemp -d)
NODE_ENV=production SEED_ON_EMPTY=true PORT=$port DATABASE_URL="file:$dir/smoke.db" LOG_LEVEL=warn setsid node --enable-source-maps build/server-main/main.js >"$dir/server.log" 2>&1 &
pid=$!
trap 'kill -TERM -- -$pid 2>/dev/null || true; sleep 1; rm -rf "$dir"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/healthz" || { echo "no /healthz"; cat "$dir/server.log"; exit 1; }
echo
prices=$(curl -sf "http://127.0.0.1:$port/" | grep -oE '₩[0-9]{1,3}(,[0-9]{3})+' | wc -l)
echo "storefront prices: $prices"
[ "$prices" -ge 10 ] || { echo "storefront shows too few prices"; exit 1; }
for path in /pos /admin /login; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path")
  echo "GET $path -> $code"
  case "$code" in 200|302|303) ;; *) echo "unexpected status"; cat "$dir/server.log"; exit 1;; esac
done
