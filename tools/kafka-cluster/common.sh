# Shared by start.sh and stop.sh: LocalKafkaCluster, run from a copy of the app's packaged jar kept in the cluster's
# folder (so that rebuilding the app never pulls the classes from under running nodes).
dir="target/kafka-cluster"
base_port=19092
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cluster() {
  local folder="$3"
  if [[ ! -f "$folder/kafka-node.jar" ]]; then
    local jar
    jar=$(ls target/situation-room-*.jar 2>/dev/null | head -1 || true)
    if [[ -z "$jar" ]]; then
      echo "packaging the app first (./mvnw package -DskipTests)" >&2
      ./mvnw -q -B package -DskipTests >&2
      jar=$(ls target/situation-room-*.jar | head -1)
    fi
    mkdir -p "$folder"
    cp "$jar" "$folder/kafka-node.jar"
  fi
  "$JAVA_HOME/bin/java" -cp "$folder/kafka-node.jar" -Dloader.main=vn.situationroom.platform.LocalKafkaCluster \
    -Dlogback.configurationFile=tools/kafka-cluster/logback.xml org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}
