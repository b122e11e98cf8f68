#!/usr/bin/env bash
# A/B of two builds of the n-gram kernel on the workload of bench/ngram-vs-peer.sh (built-in corpus,
# fully synthetic, TOKENS tokens per generation), alternating A and B in one session so that both see
# the same machine load. Prints the kernel's generated + counted tokens per CPU-second of every run
# and, per order, the median of B/A over the pairs (> 1: B is faster).
#
# Usage: bench/ngram-ab.sh A.jar B.jar   (jars built by `mvn -B -q -o -pl bench -am package
#        -DskipTests`, i.e. bench/target/benchmarks.jar copied aside; e.g. A from main, B from a branch)
# Environment: PAIRS (default 5), ORDERS (default "2 3"), TOKENS (default 1000000), GENERATIONS
# (default 5), JAVA (default java).
set -euo pipefail
A="$1"
B="$2"
PAIRS="${PAIRS:-5}"
ORDERS="${ORDERS:-2 3}"
TOKENS="${TOKENS:-1000000}"
GENERATIONS="${GENERATIONS:-5}"
JAVA="${JAVA:-java}"

one() { # jar order -> tokens per CPU-second
  "$JAVA" -Xmx256m -cp "$1" org.collapsefarm.bench.text.NgramVsPeer --orders "$2" --tokens "$TOKENS" \
    --generations "$GENERATIONS" | sed -n 's/.*"tokens_per_cpu_s": \([0-9.e+]*\).*/\1/p'
}

source "$(dirname "$0")/ab-pairs.sh"
echo "uptime at start: $(uptime)"
for order in $ORDERS; do
  ab_pairs "order $order" "tokens per CPU-second" "$order"
done
echo "uptime at end: $(uptime)"
