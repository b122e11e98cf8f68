#!/usr/bin/env bash
# The heap a local simulate needs (issue 14 item 3; BENCHMARKS.md "Driver heap"): runs a sweep of
# GROUPS cheap groups (fully synthetic, n = 2…GROUPS+1 on a fair coin: every run collapses within a
# few generations) of REPLICATES replicates at M = MAX_GENERATIONS under each heap given, and prints
# the plan's estimate, the exit code and the farm's last error line. The cost of such a sweep is its
# per-generation sums (GROUPS × 10,008 grid generations), not its cells.
#   bench/driver-heap.sh GROUPS REPLICATES MAX_GENERATIONS HEAP...   e.g. bench/driver-heap.sh 300 4 20000 700m 1g
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
groups=$1 replicates=$2 max_generations=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ns=$(seq -s ', ' 2 $((groups + 1)))
cat > "$work/sweep.conf" <<EOC
sweep {
  name = heap
  output = "$work/out"
  seed = 1
  replicates = $replicates
  max-generations = $max_generations
  contexts = [ { family = explicit, probs = [0.5, 0.5] } ]
  paradigms = [ { paradigm = fully-synthetic, n = [$ns] } ]
}
EOC
"$root/submit/farm" validate "$work/sweep.conf" 2>/dev/null | grep '^memory:' | sed 's/^/plan: /'
for heap in "$@"; do
  rm -rf "$work/out"
  start=$(date +%s)
  set +e
  FARM_JAVA_OPTS="-Xmx$heap" "$root/submit/farm" simulate "$work/sweep.conf" --master 'local[2]' > "$work/log" 2>&1
  rc=$?
  set -e
  echo "groups=$groups replicates=$replicates M=$max_generations -Xmx$heap: exit $rc in $(( $(date +%s) - start )) s" \
    "$(grep '^error:' "$work/log" | tail -1 | cut -c1-100)"
done
