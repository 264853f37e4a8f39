#!/usr/bin/env bash
# A faster start of the packaged app on JDK 25 or newer (an ahead-of-time cache: JEP 483, 514 and 515). Extracts the
# jar into target/app, starts that copy once on scratch data and ports (the embedded broker and PostgreSQL, ports
# 18080, 19092, 19093 and 15532), waits until the hotspot stream runs, and stops it cleanly: the JVM then writes
# target/app/app.aot, the classes the app loaded and linked and how its methods ran. Start the app with it, from this
# folder (the cache holds the jar's path as it was given):
#
#   $JAVA_HOME/bin/java -XX:AOTCache=target/app/app.aot -jar target/app/situation-room-0.1.0-SNAPSHOT.jar
#
# The cache and the copy belong to this JDK and this build: run this again after ./mvnw package, or the command above
# starts the build before (java refuses a cache that does not fit its JDK or jar with a warning, and starts without it).
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if (( major < 25 )); then
  echo "tools/aot-cache.sh needs a JDK 25 or newer (this java is $major): set JAVA_HOME" >&2; exit 2
fi
jar=$(ls target/situation-room-*.jar 2>/dev/null | head -1 || true)
if [[ -z "$jar" ]]; then
  echo "no packaged app in target/: run ./mvnw package -DskipTests first" >&2; exit 2
fi
rm -rf target/app
. bench/scratch-app.sh
"$java" -Djarmode=tools -jar "$jar" extract --destination target/app > /dev/null
data=$(mktemp -d /tmp/aot-training-XXXXXX)
finish() {
  stop_scratch_app
  rm -rf "$data"
}
trap finish EXIT
echo "Training run of $(basename "$jar") (data in $data)…" >&2
# From the project's folder, as the app is started there: the cache holds the jar's path as given here.
start_scratch_app "$data/app.log" "$data" "target/app/$(basename "$jar")" -XX:AOTCacheOutput=target/app/app.aot
wait_until_running "$data/app.log"
sleep 5
stop_scratch_app # the JVM writes the cache as it exits
if [[ ! -s target/app/app.aot ]]; then
  grep -i 'aot' "$data/app.log" | tail -5 >&2
  echo "no cache written" >&2; exit 1
fi
echo "target/app/app.aot: $(du -h target/app/app.aot | cut -f1). Start the app with:" >&2
echo "  $java -XX:AOTCache=target/app/app.aot -jar target/app/$(basename "$jar")" >&2
