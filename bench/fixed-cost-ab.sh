#!/usr/bin/env bash
# A/B of the farm's fixed cost (issue 13, item 6): `submit/farm simulate bench/fixed-cost.conf`
# (1,000 cells, local[2]) with two builds of the farm, alternating A and B so that both see the same
# machine load. Prints wall and CPU (user + system, /usr/bin/time) seconds of every run and the
# medians of B/A over the pairs (< 1: B is cheaper). Not a test.
#
# Usage: bench/fixed-cost-ab.sh A_DIR B_DIR   (two checkouts of the farm, each with its jar built:
#        `mvn -B -q -o -DskipTests package` in it; e.g. A a clone of main, B this worktree)
# Environment: PAIRS (default 5), THREADS (default 2), B_OPTS (extra farm options for B only, e.g.
# "--set spark.ui.enabled=false" to measure a setting), FARM_JAVA_OPTS (both; default -Xmx1g).
set -euo pipefail
A="$(cd "$1" && pwd)"
B="$(cd "$2" && pwd)"
PAIRS="${PAIRS:-5}"
THREADS="${THREADS:-2}"
read -r -a b_opts <<< "${B_OPTS:-}"
export FARM_JAVA_OPTS="${FARM_JAVA_OPTS:--Xmx1g}"
conf="$(cd "$(dirname "$0")" && pwd)/fixed-cost.conf"
out="$(cd "$(dirname "$0")" && pwd)/out/fixed-cost-ab"
rm -rf "$out" && mkdir -p "$out"

one() { # checkout label [options…] -> "wall cpu"
  local dir="$1" label="$2"
  shift 2
  rm -rf "$out/results-$label"
  /usr/bin/time -f "%e %U %S" -o "$out/time-$label" "$dir/submit/farm" simulate "$conf" \
    --set "sweep.output=\"$out/results-$label\"" --master "local[$THREADS]" "$@" > "$out/log-$label" 2>&1
  awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$out/time-$label"
}

median() { sort -g | awk '{ r[NR] = $1 } END { printf "%.3f", NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }'; }

echo "A: $A ($(git -C "$A" log --oneline -1))"
echo "B: $B ($(git -C "$B" log --oneline -1)) ${B_OPTS:-}"
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# One unmeasured run of each first: the page cache warm for both, and B's class-data archive written
# (submit/env.sh) if it makes one.
one "$A" a > /dev/null
one "$B" b "${b_opts[@]}" > /dev/null
wall=() cpu=() aw=() bw=() ac=() bc=()
for ((i = 1; i <= PAIRS; i++)); do
  read -r a_wall a_cpu <<< "$(one "$A" a)"
  read -r b_wall b_cpu <<< "$(one "$B" b "${b_opts[@]}")"
  wall+=("$(awk -v a="$a_wall" -v b="$b_wall" 'BEGIN { printf "%.4f", b / a }')")
  cpu+=("$(awk -v a="$a_cpu" -v b="$b_cpu" 'BEGIN { printf "%.4f", b / a }')")
  aw+=("$a_wall") bw+=("$b_wall") ac+=("$a_cpu") bc+=("$b_cpu")
  echo "pair $i: A ${a_wall} s wall ${a_cpu} s CPU, B ${b_wall} s wall ${b_cpu} s CPU; B/A wall ${wall[-1]} CPU ${cpu[-1]} (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "medians over $PAIRS pairs: A $(printf '%s\n' "${aw[@]}" | median) s wall $(printf '%s\n' "${ac[@]}" | median) s CPU;" \
  "B $(printf '%s\n' "${bw[@]}" | median) s wall $(printf '%s\n' "${bc[@]}" | median) s CPU;" \
  "B/A wall $(printf '%s\n' "${wall[@]}" | median), CPU $(printf '%s\n' "${cpu[@]}" | median)"
# Both builds must write the same runs and generation counts (a hash over the columns that carry the
# results; the wall time of each cell differs): the fixed cost is not cut at determinism's expense.
digest() {
  "$1/submit/farm" sql "SELECT count(*) AS cells, bit_xor(xxhash64(cell_id, seed, collapse_time, censored,
    absorbing_token, generations_run, lambda1, token_generations)) AS runs_hash FROM runs" \
    --results "$out/results-$2/fixed" --format csv 2> "$out/digest-$2.log" | tail -1
}
a_digest="$(digest "$A" a)"
b_digest="$(digest "$B" b)"
if [[ -n "$a_digest" && "$a_digest" == "$b_digest" ]]; then
  echo "runs of A and B: identical (cells,runs_hash = $b_digest)"
else
  echo "runs of A and B DIFFER or unreadable: A '$a_digest', B '$b_digest' (logs: $out/digest-*.log)"; exit 1
fi
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
