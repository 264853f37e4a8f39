#!/usr/bin/env bash
# Starts the PGlite TimescaleDB (server.mjs) in the background and prints the JDBC URL the history's TimescaleDB tests
# take as TIMESCALEDB_URL. Usage: tools/timescaledb/start.sh [port]  (stop it with: kill "$(cat <dir>/server.pid)")
set -euo pipefail
cd "$(dirname "$0")"
port="${1:-15433}"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund --legacy-peer-deps --loglevel=error >&2
fi
node server.mjs "$port" > server.log 2>&1 &
echo $! > server.pid
for _ in $(seq 1 120); do
  if grep -q "listening" server.log; then
    echo "jdbc:postgresql://127.0.0.1:${port}/postgres?user=postgres&password=postgres&sslmode=disable&prepareThreshold=0"
    exit 0
  fi
  if ! kill -0 "$(cat server.pid)" 2>/dev/null; then
    cat server.log >&2
    exit 1
  fi
  sleep 0.5
done
echo "The PGlite TimescaleDB did not start within 60 s; see $(pwd)/server.log" >&2
exit 1
