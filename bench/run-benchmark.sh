#!/usr/bin/env bash
# Runs one benchmark test class of the suite (not part of the suite itself) through Maven and prints the figures it
# wrote: bench/run-benchmark.sh <TestClass> <name> [Maven options...] logs to target/<name>-bench.log and prints
# target/bench/<name>.txt. The scripts beside it (history.sh, wall.sh, screens.sh) call it.
set -euo pipefail
cd "$(dirname "$0")/.."
class=$1 name=$2
shift 2
# On a clean clone Maven has not made target/ yet: the log goes there before it runs.
mkdir -p target
# -DskipOtherRegions: -Dit.test would otherwise run the benchmark again in the failsafe execution of other regions.
./mvnw -q -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$class" -DskipOtherRegions=true \
  -Dfailsafe.failIfNoSpecifiedTests=false "$@" > "target/$name-bench.log" 2>&1 || {
  tail -50 "target/$name-bench.log" >&2; exit 1; }
cat "target/bench/$name.txt"
