#!/usr/bin/env bash
# A/B of two builds of the model families on the workload of bench/family-vs-peer.sh (FamilyVsPeer:
# N(0, I_d) re-fitted by MLE, fully synthetic, 1,000 runs x 100 generations through FamilyRecursion
# into a FamilyAccumulator), alternating A and B in one session so that both see the same machine
# load. Prints CPU ns per run-generation of every run, whether the two builds gave the same bits
# (FamilyVsPeer's checksum of its first batch's sums) and, per (d, n), the median of B/A over the
# pairs (< 1: B is faster).
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

one() { # jar d n -> "ns checksum"
  "$JAVA" -cp "$1" org.collapsefarm.bench.family.FamilyVsPeer --runs "$RUNS" --d "$2" --n "$3" --min-cpu "$MIN_CPU" \
    | sed -n 's/.*"ns_per_generation": \([0-9.]*\).*"checksum": "\([0-9a-f]*\)".*/\1 \2/p'
}

echo "uptime at start: $(uptime)"
for c in $CASES; do
  d="${c%%:*}"
  n="${c##*:}"
  ratios=()
  for ((i = 1; i <= PAIRS; i++)); do
    read -r a sa <<< "$(one "$A" "$d" "$n")"
    read -r b sb <<< "$(one "$B" "$d" "$n")"
    ratios+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.4f", b / a }')")
    same=$([[ "$sa" == "$sb" ]] && echo "same bits" || echo "DIFFERENT bits ($sa vs $sb)")
    echo "d=$d n=$n pair $i: A $a ns, B $b ns (CPU per run-generation), B/A ${ratios[-1]}, $same"
  done
  printf '%s\n' "${ratios[@]}" | sort -g | awk -v c="d=$d n=$n" '{ r[NR] = $1 } END {
    m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "%s median B/A %.3f over %d pairs\n", c, m, NR }'
done
echo "uptime at end: $(uptime)"
