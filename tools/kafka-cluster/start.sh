#!/usr/bin/env bash
# Starts a local Kafka cluster of N KRaft nodes (broker and controller in one), each its own JVM running Kafka's own
# server classes from the app's jar, and prints the bootstrap list. No Docker needed.
#
#   tools/kafka-cluster/start.sh [N=3] [--sasl] [--dir target/kafka-cluster] [--base-port 19092]
#
# Node i listens for clients on BASE_PORT+i-1 (19092, 19093, 19094) and keeps its log, settings and output under
# DIR/node-i. With 3 nodes every topic keeps 3 copies and a write needs 2 (min.insync.replicas=2). Start the app on it:
#   ./mvnw spring-boot:run -Dspring-boot.run.arguments="--spring.kafka.bootstrap-servers=$(tools/kafka-cluster/start.sh 3) --situationroom.platform.topic-replicas=3"
# Stop one node with tools/kafka-cluster/stop.sh --node 2, start it again with start.sh --node 2, all with stop.sh.
# --sasl: clients sign in with SCRAM-SHA-512 and ACLs apply: "situationroom" (the app: its topics, groups and
# transactions) and "reader" (read-only: reception-events and the analytics' topics, never the persons); the
# passwords are generated on the first start and kept in DIR/credentials.properties (see README, Security).
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/kafka-cluster/common.sh
nodes=3 node="" sasl=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --base-port) base_port="$2"; shift 2 ;;
    --node) node="$2"; shift 2 ;;
    --sasl) sasl="--sasl"; shift ;;
    [0-9]*) nodes="$1"; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
if [[ -n "$node" ]]; then
  cluster start-node "$node" "$dir" "$base_port"
else
  cluster start "$nodes" "$dir" "$base_port" $sasl
fi
