#!/usr/bin/env bash
# Latency of the hot path, measured as an outsider: from the moment a REST client posts an event to the moment a
# read_committed consumer (kcat) sees its commune's new level on commune-hotspots. Run it against a running app
# (./mvnw spring-boot:run, or java -jar target/situation-room-*.jar) with the embedded broker on localhost:9092.
# Usage: bench/latency.sh [samples] [communeCode]     Needs curl and kcat.
set -euo pipefail
samples=${1:-20}
# The API token: $SR_TOKEN, or the embedded demo's own (printed at start-up, kept in data/secrets).
token=${SR_TOKEN:-$(sed -n 's/^API token (all scopes): //p' data/secrets/demo-credentials.txt 2>/dev/null || true)}
if [[ -z "$token" ]]; then
  echo "set SR_TOKEN to an API token (admin screen: Access tokens)" >&2; exit 2
fi
commune=${2:-$(kcat -b localhost:9092 -C -t commune-hotspots -e -q -c 1 -f '%k' 2>/dev/null || true)}
if [[ -z "$commune" ]]; then
  echo "give a commune code: bench/latency.sh 20 <communeCode>" >&2; exit 2
fi
results=()
for ((n = 1; n <= samples; n++)); do
  out=$(mktemp)
  kcat -b localhost:9092 -C -t commune-hotspots -o end -q -u -X isolation.level=read_committed \
       -f '%k\n' > "$out" 2>/dev/null &
  consumer=$!
  sleep 1.5
  start=$(date +%s%N)
  curl -s -o /dev/null -X POST http://localhost:8080/api/v1/events -H "Authorization: Bearer $token" \
       -H 'Content-Type: application/json' -d '{
    "eventId":"'"$(cat /proc/sys/kernel/random/uuid)"'","occurredAt":"'"$(date -Iseconds)"'","communeCode":"'"$commune"'",
    "receptionPoint":"DISTRICT_OFFICE","type":"PETITION","content":"REFLECTION","field":"OTHER"}'
  until grep -qx "$commune" "$out"; do sleep 0.005; done
  end=$(date +%s%N)
  kill "$consumer" 2>/dev/null || true
  wait "$consumer" 2>/dev/null || true
  rm -f "$out"
  results+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${results[@]}" | sort -n))
echo "samples (ms): ${results[*]}"
echo "median: ${sorted[$(( samples / 2 ))]} ms   min: ${sorted[0]} ms   max: ${sorted[$(( samples - 1 ))]} ms"
