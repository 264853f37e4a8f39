#!/usr/bin/env bash
# The wall's benchmark at the synthetic country (3,321 communes): the time to draw the wall, the time from a REST call
# to the wall's map for 20 level changes, and the page's memory, in Debian's headless Chromium against the app on its
# embedded broker and database (about 1 minute on 2 cores). Writes target/bench/wall.txt.
set -euo pipefail
exec "$(dirname "$0")/run-benchmark.sh" WallBenchmark wall "$@"
