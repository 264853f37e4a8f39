# Sourced by bench/*.sh and tools/aot-cache.sh: the packaged app started as those scripts start it, on a scratch data
# folder and the ports 18080 (HTTP), 19092 and 19093 (broker), 15532 (PostgreSQL), without the simulator.
#
#   start_scratch_app LOG DATA JAR [JVM option…] [-- app argument…]   starts it in the background; $app is its pid
#   wait_until_running LOG [SECONDS]   waits until its hotspot stream runs (its log says so), 300 s at most; stops the
#                                      calling script if the app stopped or its stream did not run in time
#   stop_scratch_app                   stops it (SIGTERM: it stops its embedded PostgreSQL too) and waits for it
java="${java:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
app=""

start_scratch_app() {
  local log=$1 data=$2 jar=$3
  shift 3
  local jvm=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do jvm+=("$1"); shift; done
  if [[ $# -gt 0 ]]; then shift; fi
  "$java" "${jvm[@]}" -jar "$jar" --server.port=18080 --situationroom.platform.data-dir="$data/data" \
    --situationroom.platform.kafka-port=19092 --situationroom.platform.kafka-controller-port=19093 \
    --situationroom.platform.postgres-port=15532 --situationroom.simulator.enabled=false "$@" > "$log" 2>&1 &
  app=$!
}

wait_until_running() {
  local log=$1 patience=${2:-300}
  local deadline=$(($(date +%s) + patience))
  until grep -q 'Hotspot streams REBALANCING -> RUNNING' "$log"; do
    if ! kill -0 "$app" 2>/dev/null; then
      tail -30 "$log" >&2; echo "the app stopped; its log is $log" >&2; exit 1
    fi
    if (($(date +%s) >= deadline)); then
      echo "the app's stream did not run within $patience s; its log is $log" >&2; exit 1
    fi
    sleep 0.1
  done
}

stop_scratch_app() {
  if [[ -n "$app" ]]; then
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    app=""
  fi
}
