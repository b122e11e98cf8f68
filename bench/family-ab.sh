#!/usr/bin/env bash
# A/B of two builds of the model families on the workload of bench/family-vs-peer.sh (FamilyVsPeer:
# N(0, I_d) re-fitted by MLE, fully synthetic, 1,000 runs x 100 generations through FamilyRecursion
# into a FamilyAccumulator), alternating A and B in one session so that both see the same machine
# load. Prints CPU ns per run-generation of every run and, per (d, n), the median of B/A over the
# pairs (< 1: B is faster) and whether the two builds gave the same bits (FamilyVsPeer's checksum of
# its first batch's sums).
#
# Usage: bench/family-ab.sh A.jar B.jar        (jars built by `mvn -B -q -o -pl bench -am package
#        -DskipTests`, i.e. bench/target/benchmarks.jar copied aside; e.g. A from main, B from a branch)
# Environment: PAIRS (default 4), CASES (default "1:1000 1:10 10:1000 10:10", d:n), MIN_CPU (default 2),
# RUNS (default 1000), JAVA (default java).
set -euo pipefail
A="$1"
B="$2"
PAIRS="${PAIRS:-4}"
CASES="${CASES:-1:1000 1:10 10:1000 10:10}"
MIN_CPU="${MIN_CPU:-2}"
RUNS="${RUNS:-1000}"
JAVA="${JAVA:-java}"
SUMS="$(mktemp)"
trap 'rm -f "$SUMS"' EXIT

one() { # jar d:n -> CPU ns per run-generation; appends "jar checksum" to $SUMS
  local out
  out=$("$JAVA" -cp "$1" org.collapsefarm.bench.family.FamilyVsPeer --runs "$RUNS" --d "${2%%:*}" --n "${2##*:}" \
    --min-cpu "$MIN_CPU")
  echo "$1 $(sed -n 's/.*"checksum": "\([0-9a-f]*\)".*/\1/p' <<< "$out")" >> "$SUMS"
  sed -n 's/.*"ns_per_generation": \([0-9.]*\).*/\1/p' <<< "$out"
}

source "$(dirname "$0")/ab-pairs.sh"
echo "uptime at start: $(uptime)"
for c in $CASES; do
  : > "$SUMS"
  ab_pairs "d=${c%%:*} n=${c##*:}" "ns (CPU per run-generation)" "$c"
  a=$(awk -v j="$A" '$1 == j { print $2 }' "$SUMS" | sort -u)
  b=$(awk -v j="$B" '$1 == j { print $2 }' "$SUMS" | sort -u)
  [[ "$a" == "$b" ]] && echo "  same bits (checksum $a)" || echo "  DIFFERENT bits (A $a, B $b)"
done
echo "uptime at end: $(uptime)"
