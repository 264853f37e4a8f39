#!/usr/bin/env bash
# The history's benchmark: the sink's write rate into PostgreSQL and the trend query's latency over a year of
# synthetic history for 3,300 communes, on a fresh embedded PostgreSQL 17 (about 3 minutes on 2 cores, ~3 GB of disk,
# deleted afterwards). Options are passed to Maven, e.g. bench/history.sh -Dbench.communes=330 -Dbench.days=90,
# or -Dbench.url=jdbc:postgresql://host/db?user=..&password=.. to measure another database.
set -euo pipefail
exec "$(dirname "$0")/run-benchmark.sh" HistoryBenchmark history -DargLine="-Xmx2g" "$@"
