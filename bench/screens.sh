#!/usr/bin/env bash
# How many open wall screens of the synthetic country (3,321 communes) one app instance serves while a level change
# still reaches every one of them in under 500 ms: kiosk sessions opened through Vaadin's client protocol and push
# WebSocket (no browser), added in steps of 25 to 400, 10 level changes per step (a few minutes on 2 cores).
# -Dscreens.steps=N measures N screens only. Writes target/bench/screens.txt.
set -euo pipefail
exec "$(dirname "$0")/run-benchmark.sh" WallScreensBenchmark screens "$@"
