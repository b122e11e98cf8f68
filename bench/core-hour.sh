#!/usr/bin/env bash
# What one core-hour buys (issue 13, item 5): cells per core-second of the kernel for each built-in
# study, for the cluster guide in README.md. Not a test. For every conf/*.conf, KernelOnly runs the
# study's cells (the farm's own kernel, accumulators and runs rows, no Spark) on ONE thread under
# /usr/bin/time, and the CPU time (user + sys) is what counts: it holds on a shared machine, where
# wall time does not. The CPU time of a 1-replicate run of the same study (JVM start, configuration,
# JIT warm-up) is subtracted. Spark's per-sweep fixed cost (BENCHMARKS.md, "Farm") comes on top.
# Usage: bench/core-hour.sh [conf …]   (default: every conf/*.conf). Output: a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
source submit/env.sh
farm_build_if_missing
read -r -a opens <<< "$(farm_java_opens)"
cp="$FARM_JAR:${SPARK_JARS:-$FARM_SPARK_HOME/jars}/*"
out="$PWD/bench/out/core-hour" && mkdir -p "$out"
confs=("$@")
(( ${#confs[@]} )) || confs=(conf/*.conf)

cpu() { # CPU seconds (user + sys) of KernelOnly on one thread; prints its own line to $2
  /usr/bin/time -f '%U %S' -o "$out/time.txt" java "${opens[@]}" -Xmx4g -cp "$cp" \
    org.collapsefarm.jobs.simulate.KernelOnly "$1" 1 "${@:3}" > "$2"
  awk '{print $1 + $2}' "$out/time.txt"
}

echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| study | cells | kernel CPU s | cells per core-second | cells per core-hour |"
echo "|---|---|---|---|---|"
for conf in "${confs[@]}"; do
  name=$(basename "$conf" .conf)
  start=$(cpu "$conf" "$out/$name-1.txt" --set sweep.replicates=1)
  total=$(cpu "$conf" "$out/$name.txt")
  cells=$(sed -n 's/^kernel-only: \([0-9]*\) cells.*/\1/p' "$out/$name.txt")
  awk -v n="$name" -v c="$cells" -v t="$total" -v s="$start" 'BEGIN {
    k = t - s; if (k <= 0) k = t;
    printf "| %s | %d | %.1f | %.0f | %.2g |\n", n, c, k, c / k, 3600 * c / k }'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
