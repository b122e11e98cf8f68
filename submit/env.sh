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
  local cds=()
  [[ "${FARM_CDS:-1}" != 0 ]] && farm_cds_options "${1:-}"
  exec java "${opens[@]}" "${java_opts[@]}" "${cds[@]}" -cp "$FARM_JAR:$FARM_SPARK_HOME/jars/*" "$main" "$@"
}

# Class-data sharing (the JDK's AppCDS): a JVM maps the classes of Spark, Hadoop and the farm from an
# archive instead of reading and verifying them from the jars — about a third less CPU for a small
# sweep (BENCHMARKS.md, "fixed cost"). The archive, jobs/target/farm-cds.jsa (about 170 MB), is
# written at the exit of the first `run` or `simulate` after a build (-XX:ArchiveClassesAtExit, which
# makes that run slower), then every later command maps it. A JVM that finds the archive stale or
# torn runs without it (-Xshare:auto). FARM_CDS=0 turns it off. Sets the array `cds` of the caller.
farm_cds_options() {
  local command="$1" archive="$FARM_ROOT/jobs/target/farm-cds.jsa"
  # The JVM's notes about the archive go to stderr as errors only, never to stdout (`farm sql`'s).
  cds=(-Xshare:auto -Xlog:disable -Xlog:all=warning:stderr "-Xlog:cds*=error:stderr" "-Xlog:class+path=error:stderr")
  if [[ -f "$archive" && "$archive" -nt "$FARM_JAR" ]]; then
    cds+=("-XX:SharedArchiveFile=$archive")
  elif [[ "$command" == run || "$command" == simulate ]]; then
    # One writer (mkdir is atomic); a new build (a newer jar) starts over.
    if [[ -d "$archive.writing" && ! "$archive.writing" -nt "$FARM_JAR" ]]; then
      rm -rf "$archive" "$archive.writing"
    fi
    if mkdir "$archive.writing" 2> /dev/null; then
      cds+=("-XX:ArchiveClassesAtExit=$archive")
    fi
  fi
}

export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
