#!/usr/bin/env bash
# Stops the local Kafka cluster that start.sh started (each node shuts down cleanly), or one node of it.
#
#   tools/kafka-cluster/stop.sh [--node I] [--dir target/kafka-cluster] [--base-port 19092]
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/kafka-cluster/common.sh
node=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --base-port) base_port="$2"; shift 2 ;;
    --node) node="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ -d "$dir" ]] || { echo "no local cluster in $dir" >&2; exit 1; }
if [[ -n "$node" ]]; then
  cluster stop-node "$node" "$dir" "$base_port"
else
  cluster stop "$(ls -d "$dir"/node-* | wc -l)" "$dir" "$base_port"
fi
