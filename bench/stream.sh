#!/usr/bin/env bash
# The stream's benchmark: Kafka's own ConsumerPerformance on a scratch topic of the broker, then a backlog of valid
# events written to reception-events at full speed, and the rate at which the hotspot topology (exactly_once_v2) and
# each history sink caught up, in one run; also the changelog bytes per event and the largest state value.
#
# Usage: bench/stream.sh [events] [communes] [caseRefs] [--bootstrap host:port] [--fresh] [--jfr] [--cpu]
#                        [--repeat N] [--no-sinks] [--aot]
#   events 300000, communes 15, caseRefs 5000 by default; the events are spread in time order over the last 3 days.
#   Without --fresh it measures the app running on the broker at --bootstrap (localhost:9092): the app must have loaded
#   a region with at least that many communes (Cầu Ngang has 15, Trà Vinh 105, the synthetic country 3,321: start the
#   app with --situationroom.region.geojson=classpath:region/tra-vinh-communes.geojson, or vietnam-synthetic-communes).
#   --fresh starts a fresh app of its own (the packaged jar, the region that fits, no simulator, empty data in a
#   temporary folder, ports 18080/19092/19093/15532), measures it and stops it: the figures in README come from this.
#   --jfr records a Java Flight Recording of that fresh app into target/bench/stream.jfr.
#   --cpu (with --fresh) also reports the CPU seconds each part of that app (its threads by name, and its embedded
#   PostgreSQL's processes) used during the run, to see where the two cores went.
#   --repeat N sends N backlogs one after the other (new event ids and case refs each time) to the same app and reports
#   each: the first on a fresh app is mostly the JIT compiler's, the later ones the compiled code's.
#   --no-sinks (with --fresh) starts the app with its Kafka listeners paused (spring.kafka.listener.auto-startup=false:
#   the history sinks, and the screens' live feeds): the topology alone, without the history's share of the two cores.
#   --aot (with --fresh) makes the ahead-of-time cache with tools/aot-cache.sh first and starts the fresh app from it,
#   as README's faster start does (JDK 25 or newer; ports 18080/19092/19093/15532 for the tool's training start too).
#   BENCH_APP_ARGS (with --fresh) adds arguments to the fresh app's command line, to measure a setting: app arguments
#   (--name=value, split at spaces), not JVM options, and none the script gives itself (region, ports, listeners).
#   BENCH_JVM_OPTS (with --fresh) adds JVM options to the fresh app's command line (-XX:+UseParallelGC), split at
#   spaces.
#   BENCH_PATIENCE (PT30M) is how long it waits for the topology and the sinks to catch up.
set -euo pipefail
cd "$(dirname "$0")/.."
events=300000 communes=15 cases=5000 bootstrap=localhost:9092 fresh=false jfr=false cpu=false repeat=1 sinks=true aot=false
positional=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --bootstrap) bootstrap="$2"; shift 2 ;;
    --fresh) fresh=true; shift ;;
    --jfr) jfr=true; shift ;;
    --cpu) cpu=true; shift ;;
    --repeat) repeat="${2:-}"; shift $(( $# > 1 ? 2 : 1 )) ;;
    --no-sinks) sinks=false; shift ;;
    --aot) aot=true; shift ;;
    *) positional+=("$1"); shift ;;
  esac
done
[[ ${#positional[@]} -gt 0 ]] && events=${positional[0]}
[[ ${#positional[@]} -gt 1 ]] && communes=${positional[1]}
[[ ${#positional[@]} -gt 2 ]] && cases=${positional[2]}
if [[ "$cpu" == true && "$fresh" != true ]]; then
  echo "--cpu needs --fresh (it reads the threads of the app it starts)" >&2; exit 2
fi
if [[ "$sinks" != true && "$fresh" != true ]]; then
  echo "--no-sinks needs --fresh (it starts an app with its history sinks paused)" >&2; exit 2
fi
if [[ ( -n "${BENCH_APP_ARGS:-}" || -n "${BENCH_JVM_OPTS:-}" ) && "$fresh" != true ]]; then
  echo "BENCH_APP_ARGS and BENCH_JVM_OPTS need --fresh (they add arguments to the app the script starts)" >&2; exit 2
fi
if [[ "$aot" == true && "$fresh" != true ]]; then
  echo "--aot needs --fresh (it starts an app from the cache it makes)" >&2; exit 2
fi
if ! [[ "$repeat" =~ ^[1-9][0-9]*$ ]]; then
  echo "--repeat takes a count of backlogs (1 or more), not '$repeat'" >&2; exit 2
fi
region=classpath:region/cau-ngang-communes.geojson
if (( communes > 15 )); then region=classpath:region/tra-vinh-communes.geojson; fi
if (( communes > 105 )); then region=classpath:region/vietnam-synthetic-communes.geojson; fi

mkdir -p target/bench
echo "Building the app and the benchmark (./mvnw package -DskipTests)…" >&2
./mvnw -q -B -ntp package -DskipTests > target/bench/stream-build.log 2>&1 || { tail -30 target/bench/stream-build.log >&2; exit 1; }
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt \
  >> target/bench/stream-build.log 2>&1 || { tail -30 target/bench/stream-build.log >&2; exit 1; }
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
. bench/scratch-app.sh

data=""
stop_app() {
  stop_scratch_app
  if [[ -n "$data" ]]; then rm -rf "$data"; fi
}
trap stop_app EXIT
if [[ "$fresh" == true ]]; then
  data=$(mktemp -d /tmp/stream-bench-XXXXXX)
  bootstrap=localhost:19092
  opts=()
  jar="$data/app.jar"
  if [[ "$aot" == true ]]; then
    echo "Making the ahead-of-time cache (tools/aot-cache.sh, with its training run)…" >&2
    JAVA_HOME="${JAVA_HOME:-}" bash tools/aot-cache.sh > target/bench/stream-aot.log 2>&1 \
      || { tail -20 target/bench/stream-aot.log >&2; exit 1; }
    # The path the tool started the app with, which the cache holds.
    jar="target/app/$(basename "$(ls target/situation-room-*.jar | head -1)")"
    opts+=(-XX:AOTCache=target/app/app.aot -XX:AOTMode=on)
  else
    cp target/situation-room-*.jar "$jar"
  fi
  # BENCH_JVM_OPTS: JVM options for the fresh app, to measure one (-XX:+UseParallelGC)
  if [[ -n "${BENCH_JVM_OPTS:-}" ]]; then read -r -a jvmopts <<< "$BENCH_JVM_OPTS"; opts+=("${jvmopts[@]}"); fi
  if [[ "$jfr" == true ]]; then opts+=("-XX:StartFlightRecording=filename=$PWD/target/bench/stream.jfr,settings=profile"); fi
  args=(--situationroom.region.geojson="$region")
  if [[ "$sinks" != true ]]; then args+=(--spring.kafka.listener.auto-startup=false); fi
  # BENCH_APP_ARGS: more arguments for the fresh app, to measure a setting (--situationroom.hotspot.stream-threads=2)
  if [[ -n "${BENCH_APP_ARGS:-}" ]]; then read -r -a more <<< "$BENCH_APP_ARGS"; args+=("${more[@]}"); fi
  echo "Starting a fresh app (region $region, data in $data)…" >&2
  start_scratch_app target/bench/stream-app.log "$data" "$jar" "${opts[@]}" -- "${args[@]}"
  wait_until_running target/bench/stream-app.log
  sleep 5
fi

# CPU ticks so far of each thread of the app and of each process of its embedded PostgreSQL (the server and its
# children): one line each, "id name ticks". A name may hold spaces ("C2 CompilerThread0"): the fields after it are
# read from the end of its parentheses.
cpu_ticks() {
  local postmaster
  for t in /proc/"$app"/task/*; do
    echo "t${t##*/} $(tr ' ' '_' < "$t/comm") $(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}')"
  done
  postmaster=$(pgrep -f -- "-D $data/data/postgres" | head -1 || true)
  for p in $postmaster $( [[ -n "$postmaster" ]] && pgrep -P "$postmaster" ); do
    echo "p$p postgres $(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}')"
  done
}
for run in $(seq 1 "$repeat"); do
  if (( repeat > 1 )); then echo; echo "## Backlog $run of $repeat"; fi
  if [[ "$cpu" == true && -n "$app" ]]; then cpu_ticks > target/bench/cpu-before.txt; fi

  "$java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    -Dbench.bootstrap="$bootstrap" -Dbench.events="$events" -Dbench.communes="$communes" -Dbench.case-refs="$cases" \
    -Dbench.region="$region" -Dbench.patience="${BENCH_PATIENCE:-PT30M}" -Dbench.sinks="$sinks" \
    -Dlogback.configurationFile=bench/logback-bench.xml \
    vn.situationroom.hotspot.StreamBenchmark 2> target/bench/stream-bench.log \
    || { echo "the benchmark failed (backlog $run of $repeat); the end of its log, target/bench/stream-bench.log:" >&2
         tail -30 target/bench/stream-bench.log >&2; exit 1; }
  if (( repeat > 1 )); then cp target/bench/stream.txt "target/bench/stream-$run.txt"; fi

  if [[ "$cpu" == true && -n "$app" ]]; then
    cpu_ticks > target/bench/cpu-after.txt
    echo
    echo "| CPU during the run (the raw consume included) | seconds |"
    echo "| --- | --- |"
    # Each thread or process is its CPU since the first reading (all of it when it started later); threads of a pool
    # (…-1, …-2, #3) count together. One that ended before the second reading is missing: its time is not counted.
    awk -v hz="$(getconf CLK_TCK)" '
      FNR == NR { before[$1] = $3; next }
      { name = $2; sub(/[-_#]?[0-9]+$/, "", name); used[name] += $3 - ($1 in before ? before[$1] : 0) }
      END { for (n in used) { s = used[n] / hz; if (s >= 0.1) printf "| %s | %.1f |\n", n, s } }
    ' target/bench/cpu-before.txt target/bench/cpu-after.txt | sort -t'|' -k3 -rn | head -15
  fi
done
