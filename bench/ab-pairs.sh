# Sourced by the A/B scripts (bench/kernel-ab.sh, bench/ngram-ab.sh). ab_pairs LABEL UNIT ARG runs
# PAIRS pairs of `one "$A" ARG` then `one "$B" ARG` (`one`, the caller's function, prints one figure
# of one run), alternating so that A and B see the same machine load, and prints every pair and the
# median of B/A over the pairs with their range.
ab_pairs() {
  local label="$1" unit="$2" arg="$3" a b i
  local ratios=()
  for ((i = 1; i <= PAIRS; i++)); do
    a=$(one "$A" "$arg")
    b=$(one "$B" "$arg")
    ratios+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.4f", b / a }')")
    echo "$label pair $i: A $a, B $b $unit, B/A ${ratios[-1]}"
  done
  printf '%s\n' "${ratios[@]}" | sort -g | awk -v label="$label" '{ r[NR] = $1 } END {
    m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
    printf "%s median B/A %.3f over %d pairs (%.3f-%.3f)\n", label, m, NR, r[1], r[NR] }'
}
