#!/usr/bin/env bash
# The daily detectors' benchmark: EARS C1/C2/C3, EWMA and Farrington-Flexible (R's defaults, Noufaily's, and this
# product's AUTO) on the same simulated communes with a weekly rhythm and injected surges of known days (about 2
# minutes on 2 cores). Options are passed to Maven, e.g. bench/detection.sh -Dbench.per-rate=50 -Dbench.seed=7.
set -euo pipefail
exec "$(dirname "$0")/run-benchmark.sh" DetectionBenchmark detection "$@"
