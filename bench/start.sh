#!/usr/bin/env bash
# How long the packaged app takes to start, from java's launch until its hotspot stream runs (the app's log says
# "Hotspot streams REBALANCING -> RUNNING"), on an empty data folder, with and without the AOT cache of
# tools/aot-cache.sh, one after the other, [runs] times each (3 by default). Ports 18080, 19092, 19093 and 15532.
# Usage: tools/aot-cache.sh && bench/start.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
. bench/scratch-app.sh
jar=$(cd target/app 2>/dev/null && ls situation-room-*.jar | head -1 || true)
if [[ -z "$jar" || ! -s target/app/app.aot ]]; then
  echo "no cache in target/app: run tools/aot-cache.sh first" >&2; exit 2
fi
for built in target/situation-room-*.jar; do
  if [[ "$built" -nt target/app/app.aot ]]; then
    echo "$built is newer than the cache: run tools/aot-cache.sh again, or this measures the build before" >&2; exit 2
  fi
done
data=""
finish() {
  stop_scratch_app
  if [[ -n "$data" ]]; then rm -rf "$data"; fi
}
trap finish EXIT
start_once() { # $1: further JVM options or ""; sets $seconds to the time until the stream ran
  data=$(mktemp -d /tmp/start-bench-XXXXXX)
  local log="$data/app.log" t0
  t0=$(date +%s%N)
  # shellcheck disable=SC2086 # $1 is zero or more options
  start_scratch_app "$log" "$data" "target/app/$jar" $1
  wait_until_running "$log"
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  seconds="$((ms / 1000)).$((ms % 1000 / 100))"
  stop_scratch_app
  rm -rf "$data"; data=""
}
with=() without=()
for ((i = 1; i <= runs; i++)); do
  # AOTMode=on: java stops rather than start without the cache.
  start_once "-XX:AOTCache=target/app/app.aot -XX:AOTMode=on"; with+=("$seconds")
  start_once ""; without+=("$seconds")
done
echo "start until the stream runs, with the AOT cache (s):    ${with[*]}"
echo "start until the stream runs, without it (s):            ${without[*]}"
