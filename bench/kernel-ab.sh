#!/usr/bin/env bash
# A/B of two builds of the kernel on the workload of bench/kernel-vs-peer.sh, alternating A and B
# in one session so that both see the same machine load. Prints CPU ns per live token-generation of
# every run and, per n, the median of B/A over the pairs (< 1: B is faster).
#
# Usage: bench/kernel-ab.sh A.jar B.jar        (jars built by `mvn -B -q -o -pl bench -am package
#        -DskipTests`, i.e. bench/target/benchmarks.jar copied aside; e.g. A from main, B from a branch)
# Environment: PAIRS (default 4), NS (default "400 10"), MIN_CPU (default 2), RUNS (default 1000),
# JAVA (default java).
set -euo pipefail
A="$1"
B="$2"
PAIRS="${PAIRS:-4}"
NS="${NS:-400 10}"
MIN_CPU="${MIN_CPU:-2}"
RUNS="${RUNS:-1000}"
JAVA="${JAVA:-java}"

one() { # jar n -> CPU ns per live token-generation
  "$JAVA" -cp "$1" org.collapsefarm.bench.kernel.KernelVsPeer --runs "$RUNS" --n "$2" --min-cpu "$MIN_CPU" \
    | sed -n 's/.*"cpu_ns_per_token_generation": \([0-9.]*\).*/\1/p'
}

source "$(dirname "$0")/ab-pairs.sh"
echo "uptime at start: $(uptime)"
for n in $NS; do
  ab_pairs "n=$n" "ns (CPU per live token-generation)" "$n"
done
echo "uptime at end: $(uptime)"
