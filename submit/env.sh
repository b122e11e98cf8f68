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

export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
