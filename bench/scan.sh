#!/usr/bin/env bash
# The space-time scan's benchmark: how long one scan of the cluster check takes (999 replications) for regions of
# 105 and 3,321 communes and 10,000 to 3,000,000 events in its 28 days (about a minute on 2 cores). Options are passed
# to Maven, e.g. bench/scan.sh -Dbench.communes=15,105 -Dbench.events=5000 -Dbench.repeats=5.
set -euo pipefail
exec "$(dirname "$0")/run-benchmark.sh" SpaceTimeScanBenchmark scan "$@"
