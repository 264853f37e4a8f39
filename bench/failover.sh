#!/usr/bin/env bash
# Failover of the app on a cluster: a local Kafka cluster of three brokers (tools/kafka-cluster), one PostgreSQL and
# two app instances (the packaged jar); a client sends events at a steady rate (100 a second) to both; after 30 s one
# instance is killed (SIGKILL) and the client sends on to the other for 60 s. Prints one line:
#   failover: <s> s until the other instance processes again; lost 0; doubled 0
# "processes again": every partition of reception-events has its offset committed past where it ended at the kill.
# Usage: bench/failover.sh [seconds before the kill] [seconds after]       (30 and 60 by default; ports from 29092)
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:-30} after=${2:-60}
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mkdir -p target/bench
echo "Building the app and the benchmark (./mvnw package -DskipTests)…" >&2
./mvnw -q -B -ntp package -DskipTests > target/bench/failover-build.log 2>&1 || { tail -30 target/bench/failover-build.log >&2; exit 1; }
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt \
  >> target/bench/failover-build.log 2>&1 || { tail -30 target/bench/failover-build.log >&2; exit 1; }
"$JAVA_HOME/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  -Dbench.before-seconds="$before" -Dbench.after-seconds="$after" -Dlogback.configurationFile=bench/logback-bench.xml \
  vn.situationroom.platform.FailoverBenchmark 2> target/bench/failover.log
