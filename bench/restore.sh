#!/usr/bin/env bash
# How long the app takes to rebuild the stream's state from its changelogs: a fresh app of its own (the province of
# Trà Vinh, 105 communes) takes a year of events (bench/stream.sh's generator, in time order over 365 days), is
# stopped, loses its local state (rm -rf data/streams) and is started again; then the same restart with the state kept.
# Usage: bench/restore.sh [events] [caseRefs]     (400000 and 20000 by default; ports 18080/19092/19093/15532)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-400000} cases=${2:-20000}
mkdir -p target/bench
echo "Building the app and the benchmark (./mvnw package -DskipTests)…" >&2
./mvnw -q -B -ntp package -DskipTests > target/bench/restore-build.log 2>&1 || { tail -30 target/bench/restore-build.log >&2; exit 1; }
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt \
  >> target/bench/restore-build.log 2>&1 || { tail -30 target/bench/restore-build.log >&2; exit 1; }
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
. bench/scratch-app.sh
data=$(mktemp -d /tmp/restore-bench-XXXXXX)
cp target/situation-room-*.jar "$data/app.jar"
trap 'stop_scratch_app; rm -rf "$data"' EXIT
region=classpath:region/tra-vinh-communes.geojson

# Starts the app; sets $seconds to the time until its stream is RUNNING (its state restored).
seconds=""
start() {
  local log=$1 began
  began=$(date +%s%N)
  start_scratch_app "$log" "$data" "$data/app.jar" -- --situationroom.region.geojson="$region"
  wait_until_running "$log"
  seconds=$(awk -v began="$began" -v ended="$(date +%s%N)" 'BEGIN { printf "%.1f", (ended - began) / 1e9 }')
}

start target/bench/restore-app-1.log
echo "first start: $seconds s" >&2
"$java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  -Dbench.bootstrap=localhost:19092 -Dbench.events="$events" -Dbench.communes=105 -Dbench.case-refs="$cases" \
  -Dbench.days=365 -Dbench.region="$region" -Dbench.skip-raw=true -Dlogback.configurationFile=bench/logback-bench.xml \
  vn.situationroom.hotspot.StreamBenchmark 2> target/bench/restore-bench.log | grep -E 'changelog|---|all|windows|visits|ids'
stop_scratch_app
state=$(du -sh "$data/data/streams" | cut -f1)
start target/bench/restore-app-2.log
kept=$seconds
stop_scratch_app
rm -rf "$data/data/streams"
start target/bench/restore-app-3.log
rebuilt=$seconds
stop_scratch_app
echo ""
echo "| a year of a province: $events events, 105 communes, $cases case refs | start until the stream runs |"
echo "| --- | --- |"
echo "| restart with the local state kept ($state) | $kept s |"
echo "| restart after rm -rf data/streams: the state rebuilt from the changelogs | **$rebuilt s** |"
