#!/usr/bin/env bash
# Scale benchmark of the farm's driver (issue 13, item 1). Not a test: it prints figures for
# BENCHMARKS.md ("## Farm", "Scale"). A sweep of cheap cells (10 groups of fully synthetic runs on
# three- and five-token contexts, n = 2…6, M = 100: a cell is a few microseconds of kernel work), so
# that the farm's per-cell cost on the driver and in the tables dominates. Prints the wall time of
# `simulate`, microseconds of wall time per cell, the JVM's peak heap after a GC (the live set; in
# local mode the driver and the executors share it) and the peak resident memory.
# Usage: bench/farm-scale.sh CELLS [JAR]   e.g. FARM_JAVA_OPTS=-Xmx1g bench/farm-scale.sh 20000000
#   JAR: an application jar to measure instead of this checkout's (e.g. one built from an older
#   commit, for a baseline); SPARK_JARS: Spark's jars (default this checkout's spark-home/jars).
#   Results go to bench/out/farm-scale-CELLS/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
source submit/env.sh
farm_build_if_missing
cells="${1:?usage: bench/farm-scale.sh CELLS [JAR]}"
jar="${2:-$FARM_JAR}"
out="$PWD/bench/out/farm-scale-$cells"
rm -rf "$out" && mkdir -p "$out"
read -r -a opens <<< "$(farm_java_opens)"
read -r -a java_opts <<< "${FARM_JAVA_OPTS:--Xmx1g}"

conf="$out/scale.conf"
cat > "$conf" <<CONF
sweep {
  name = scale
  output = "$out/results"
  seed = 20261206
  max-cells = 2000000000
  replicates = $(( (cells + 9) / 10 ))
  max-generations = 100
  contexts = [
    { family = explicit, probs = [0.5, 0.3, 0.2] }
    { family = explicit, probs = [0.4, 0.3, 0.2, 0.05, 0.05] }
  ]
  paradigms = [ { paradigm = fully-synthetic, n = [2, 3, 4, 5, 6] } ]
}
CONF

echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg); java options: ${java_opts[*]}; jar: $jar"
t0=$(date +%s.%N)
/usr/bin/time -v -o "$out/time.txt" java "${opens[@]}" "${java_opts[@]}" -Xlog:gc:file="$out/gc.log" \
  -cp "$jar:${SPARK_JARS:-$FARM_SPARK_HOME/jars}/*" org.collapsefarm.jobs.Farm simulate "$conf" --master "local[$(nproc)]" \
  > "$out/farm.log" 2>&1 || { echo "simulate failed (exit $?), see $out/farm.log:"; tail -5 "$out/farm.log"; }
t1=$(date +%s.%N)
wall=$(echo "$t1 - $t0" | bc -l)
total=$(( 10 * ( (cells + 9) / 10 ) ))
# Unified GC log lines end in "<before>M-><after>M(<committed>M) <pause>ms".
peak_live=$(grep -oE '[0-9]+M->[0-9]+M' "$out/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -1)
peak_heap=$(grep -oE '[0-9]+M->[0-9]+M' "$out/gc.log" | sed 's/M->.*//' | sort -n | tail -1)
rss=$(awk -F': ' '/Maximum resident/ {print int($2 / 1024)}' "$out/time.txt")
printf '%s cells: simulate %.1f s wall, %.1f us per cell; peak heap after GC %s MiB (before GC %s MiB), peak RSS %s MiB\n' \
  "$total" "$wall" "$(echo "$wall * 1000000 / $total" | bc -l)" "${peak_live:-?}" "${peak_heap:-?}" "$rss"
grep -E '^(error|simulate)' "$out/farm.log" | tail -2 || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
