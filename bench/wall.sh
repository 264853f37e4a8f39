#!/usr/bin/env bash
# The wall's benchmark at the synthetic country (3,321 communes): the time to draw the wall, the time from a REST call
# to the wall's map for 20 level changes, and the page's memory, in Debian's headless Chromium against the app on its
# embedded broker and database (about 1 minute on 2 cores). Writes target/bench/wall.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
# On a clean clone Maven has not made target/ yet: the log goes there before it runs.
mkdir -p target
./mvnw -q -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=WallBenchmark -DskipOtherRegions=true \
  -Dfailsafe.failIfNoSpecifiedTests=false "$@" > target/wall-bench.log 2>&1 || {
  tail -50 target/wall-bench.log >&2; exit 1; }
cat target/bench/wall.txt
