#!/usr/bin/env bash
# The history's benchmark: the sink's write rate into PostgreSQL and the trend query's latency over a year of
# synthetic history for 3,300 communes, on a fresh embedded PostgreSQL 17 (about 3 minutes on 2 cores, ~3 GB of disk,
# deleted afterwards). Options are passed to Maven, e.g. bench/history.sh -Dbench.communes=330 -Dbench.days=90,
# or -Dbench.url=jdbc:postgresql://host/db?user=..&password=.. to measure another database.
set -euo pipefail
cd "$(dirname "$0")/.."
# On a clean clone Maven has not made target/ yet: the log goes there before it runs.
mkdir -p target
./mvnw -q -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=HistoryBenchmark -DskipOtherRegions=true \
  -Dfailsafe.failIfNoSpecifiedTests=false -DargLine="-Xmx2g" "$@" > target/history-bench.log 2>&1 || {
  tail -50 target/history-bench.log >&2; exit 1; }
cat target/bench/history.txt
