#!/usr/bin/env bash
# How many open wall screens of the synthetic country (3,321 communes) one app instance serves while a level change
# still reaches every one of them in under 500 ms: kiosk sessions opened through Vaadin's client protocol and push
# WebSocket (no browser), added in steps of 25 to 400, 10 level changes per step (a few minutes on 2 cores).
# -Dscreens.steps=N measures N screens only. Writes target/bench/screens.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
# On a clean clone Maven has not made target/ yet: the log goes there before it runs.
mkdir -p target
./mvnw -q -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=WallScreensBenchmark -DskipOtherRegions=true \
  -Dfailsafe.failIfNoSpecifiedTests=false "$@" > target/screens-bench.log 2>&1 || {
  tail -50 target/screens-bench.log >&2; exit 1; }
cat target/bench/screens.txt
