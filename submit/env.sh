# Shared by submit/farm and submit/spark-submit.sh (sourced, not run).
# Locates the application jar and the Maven-made SPARK_HOME, building them when missing, and reads
# Spark 4.2's module flags (--add-opens …) from the root pom, their single source.
FARM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FARM_JAR="$FARM_ROOT/jobs/target/collapse-farm-jobs-0.1.0-SNAPSHOT.jar"
FARM_SPARK_HOME="$FARM_ROOT/jobs/target/spark-home"

farm_build_if_missing() {
  if [[ ! -f "$FARM_JAR" || ! -d "$FARM_SPARK_HOME/jars" ]]; then
    echo "building collapse-farm (first run; mvn -B -q -DskipTests package) …" >&2
    (cd "$FARM_ROOT" && mvn -B -q -DskipTests package) >&2
  fi
}

farm_java_opens() {
  sed -n 's:.*<spark.module.opens>\(.*\)</spark.module.opens>.*:\1:p' "$FARM_ROOT/pom.xml"
}

# Replaces the shell by `java <module flags> $FARM_JAVA_OPTS -cp <jar and Spark's jars> MAIN args…`;
# FARM_JAVA_OPTS defaults to -Xmx half the RAM, at most 8 GiB.
farm_exec_java() {
  local main="$1"
  shift
  local opens java_opts mem_mb
  read -r -a opens <<< "$(farm_java_opens)"
  if [[ -z "${FARM_JAVA_OPTS:-}" ]]; then
    mem_mb=$(awk '/MemTotal/ {print int($2 / 2048)}' /proc/meminfo 2>/dev/null || echo 4096)
    (( mem_mb > 8192 )) && mem_mb=8192
    FARM_JAVA_OPTS="-Xmx${mem_mb}m"
  fi
  read -r -a java_opts <<< "$FARM_JAVA_OPTS"
  exec java "${opens[@]}" "${java_opts[@]}" -cp "$FARM_JAR:$FARM_SPARK_HOME/jars/*" "$main" "$@"
}

export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
