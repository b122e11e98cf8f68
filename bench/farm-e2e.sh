#!/usr/bin/env bash
# End-to-end benchmark of the farm (issue 3, item 9). Not a test: it prints figures for
# BENCHMARKS.md ("## Farm").
#  1. A >= 1e5-cell sweep: `submit/farm simulate` wall time (JVM + Spark start, simulation, Parquet
#     tables, chunk commits, compaction) versus KernelOnly, the same cells through the same kernel
#     and accumulators on a plain thread pool in one JVM (target: farm <= 1.25 x kernel).
#  2. conf/cot-replace-grid.conf, the Collapse-or-Thrive replace grid (target <= 60 s on 2 cores).
# Usage: bench/farm-e2e.sh [threads]   (default: all cores; E2E_REPLICATES=100 for a smoke run,
# E2E_SKIP_COT=1 to leave out part 2). Results go to bench/out/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
source submit/env.sh
farm_build_if_missing
threads="${1:-$(nproc)}"
out="$PWD/bench/out"
rm -rf "$out/farm-e2e" && mkdir -p "$out/farm-e2e"
read -r -a opens <<< "$(farm_java_opens)"
cp="$FARM_JAR:$FARM_SPARK_HOME/jars/*"

conf="$out/farm-e2e/e2e.conf"
cat > "$conf" <<CONF
sweep {
  name = e2e
  output = "$out/farm-e2e/results"
  seed = 20240408
  replicates = ${E2E_REPLICATES:-10000}   # 10 groups x 10,000 = 100,000 cells
  max-generations = 20000     # no run is censored: E[T] is about 2n here
  contexts = [
    { family = explicit, probs = [0.4, 0.3, 0.2, 0.1] }
    { family = uniform, vocabulary = 20 }
  ]
  # Cells of a realistic size (E[T] about 2n, 200 to 4,000 generations): the farm's fixed cost
  # (JVM and Spark start, first-job warm-up, tables) is measured separately by E2E_REPLICATES=100.
  paradigms = [ { paradigm = fully-synthetic, n = [100, 200, 500, 1000, 2000] } ]
}
CONF

seconds() { date +%s.%N; }
echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"

t0=$(seconds)
java "${opens[@]}" -Xmx4g -cp "$cp" org.collapsefarm.jobs.simulate.KernelOnly "$conf" "$threads"
t1=$(seconds)
kernel=$(echo "$t1 - $t0" | bc -l)

t0=$(seconds)
submit/farm simulate "$conf" --master "local[$threads]" > "$out/farm-e2e/farm.log" 2>&1
t1=$(seconds)
farm=$(echo "$t1 - $t0" | bc -l)
printf 'e2e sweep, %s cells, %s threads: kernel-only %.1f s (JVM incl.), farm simulate %.1f s -> ratio %.2f\n' \
  "$((10 * ${E2E_REPLICATES:-10000}))" "$threads" "$kernel" "$farm" "$(echo "$farm / $kernel" | bc -l)"

if [[ -z "${E2E_SKIP_COT:-}" && -f conf/cot-replace-grid.conf ]]; then
  t0=$(seconds)
  submit/farm run conf/cot-replace-grid.conf --master "local[$threads]" \
    --set "sweep.output=\"$out/farm-e2e/cot\"" > "$out/farm-e2e/cot.log" 2>&1
  t1=$(seconds)
  printf 'cot-replace-grid: submit/farm run %.1f s wall (%s threads)\n' "$(echo "$t1 - $t0" | bc -l)" "$threads"
  grep -E "^simulate:|cells" "$out/farm-e2e/cot.log" | tail -2
else
  echo "conf/cot-replace-grid.conf not found: skipped"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
