#!/usr/bin/env bash
# Checks, as an outsider, that the history in the database agrees with the topics: for every commune and every day
# before today, the day's counters from GET /api/v1/history/trend equal the final DAY window on commune-indicators
# (read with kcat), and the number of stored events equals the distinct valid event ids on reception-events.
# Run it against a running app with the embedded broker, e.g. one started with
#   ./mvnw spring-boot:run -Dspring-boot.run.arguments=--situationroom.simulator.backfill-days=90
# Usage: bench/history-agreement.sh [days]   (default 90)   Needs curl, kcat and python3.
set -euo pipefail
days=${1:-90}
# The API token: $SR_TOKEN, or the embedded demo's own (printed at start-up, kept in data/secrets).
token=${SR_TOKEN:-$(sed -n 's/^API token (all scopes): //p' data/secrets/demo-credentials.txt 2>/dev/null || true)}
if [[ -z "$token" ]]; then
  echo "set SR_TOKEN to an API token (admin screen: Access tokens)" >&2; exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
kcat -b localhost:9092 -C -t commune-indicators -e -q -X isolation.level=read_committed -f '%s\n' > "$tmp/indicators"
kcat -b localhost:9092 -C -t reception-events -e -q -X isolation.level=read_committed -f '%s\n' > "$tmp/events"
python3 - "$tmp" "$days" "$token" <<'PY'
import json, sys, urllib.request, datetime, collections
tmp, days, token = sys.argv[1], int(sys.argv[2]), sys.argv[3]
zone = datetime.timezone(datetime.timedelta(hours=7))
today = datetime.datetime.now(zone).date()
first = today - datetime.timedelta(days=days)
last = today - datetime.timedelta(days=1)
def get(path):
    request = urllib.request.Request("http://localhost:8080/api/v1/history" + path,
                                     headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request) as r:
        return json.load(r)
counters = ["events", "visits", "petitions", "people", "crowds", "complex", "candidateRelated", "incidents",
            "escalations", "caseUpdates"]
final = {}
for line in open(f"{tmp}/indicators", encoding="utf-8"):
    w = json.loads(line)
    if w["window"] == "DAY" and w.get("final"):
        day = datetime.datetime.fromisoformat(w["windowStart"].replace("Z", "+00:00")).astimezone(zone).date()
        if first <= day <= last:
            final[(w["communeCode"], day)] = w["counts"]
topic_totals = collections.defaultdict(lambda: collections.Counter())
for (commune, day), counts in final.items():
    for c in counters:
        topic_totals[commune][c] += counts.get(c, 0)
ids = collections.defaultdict(set)
for line in open(f"{tmp}/events", encoding="utf-8"):
    try:
        e = json.loads(line)
        at = datetime.datetime.fromisoformat(e["occurredAt"].replace("Z", "+00:00")).astimezone(zone).date()
        if first <= at <= last:
            ids[e["communeCode"]].add(e["eventId"])
    except (ValueError, KeyError, TypeError):
        pass
mismatches, checked = 0, 0
for commune in sorted(set(topic_totals) | set(ids)):
    for c in counters:
        db = get(f"/trend?counter={c}&granularity=DAY&from={first}&to={last}&commune={commune}")["total"]
        checked += 1
        if db != topic_totals[commune][c]:
            mismatches += 1
            print(f"MISMATCH {commune} {c}: database {db}, topic {topic_totals[commune][c]}")
    stored = get(f"/events?from={first}&to={last}&commune={commune}&size=1")["total"]
    checked += 1
    if stored != len(ids[commune]):
        mismatches += 1
        print(f"MISMATCH {commune} events stored {stored}, on reception-events {len(ids[commune])}")
print(f"{first}..{last}: {len(final)} final day windows and {sum(len(v) for v in ids.values())} events on the topics;"
      f" {checked} comparisons with the database, {mismatches} mismatches")
sys.exit(1 if mismatches else 0)
PY
