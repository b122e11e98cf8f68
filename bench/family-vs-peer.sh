#!/usr/bin/env bash
# The Gaussian family (common/family, through the paradigm layer) against the Gaussian peer
# (../shared/peers/gaussian/peer.py bench, both styles) on the same workload: N(0, I_d) re-fitted by
# maximum likelihood to n samples of the previous fit, 100 generations, n = 10 and n = 1000, d = 1 and
# d = 10 (the peer's vectorised style is d = 1 only: at d > 1 it runs its loop, so only the loop is timed). Both
# sides are timed by CPU seconds (the peer by the user + system time of its process less that of the
# interpreter's start and imports, the farm by its thread's CPU time), so a loaded machine slows the
# wall clock of both but not the ratio.
#
# Prints, per (n, d): run-generations per CPU second of the farm and of each peer style, and the ratio
# to the peer's best style, against the targets of issue 12 (>= 3x at n = 10, >= 300x at n = 1000).
#
# Usage: bench/family-vs-peer.sh            (from anywhere; builds common and bench first, offline)
# Environment: PEERS (default ../shared/peers), RUNS (default 1000; the peer's loop style runs RUNS/10,
# its vectorised style 10·RUNS at n = 10),
# MIN_CPU (farm CPU seconds per measurement, default 2), PYTHON (default /usr/bin/python3), JAVA.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PEERS="${PEERS:-../shared/peers}"
RUNS="${RUNS:-1000}"
MIN_CPU="${MIN_CPU:-2}"
PYTHON="${PYTHON:-/usr/bin/python3}"
JAVA="${JAVA:-java}"
GENERATIONS=100
OUT="bench/target/family-vs-peer"
JAR="bench/target/benchmarks.jar"

if ! "$PYTHON" -c 'import numpy' 2>/dev/null; then
  echo "error: $PYTHON cannot import numpy (Debian: apt-get install -y python3-numpy)" >&2
  exit 2
fi
if [[ ! -f "$PEERS/gaussian/peer.py" ]]; then
  echo "error: peer not found at $PEERS/gaussian/peer.py (set PEERS)" >&2
  exit 2
fi
mvn -B -q -o -pl bench -am package -DskipTests
mkdir -p "$OUT"
: > "$OUT/peer.tsv"
# The interpreter's start and the peer's imports are not the peer's work: their CPU seconds (the
# least of three starts) are taken off every peer measurement.
startup=$(for i in 1 2 3; do { TIMEFORMAT='%U %S'; time "$PYTHON" -c 'import argparse, time, numpy'; } 2>&1 \
  | awk '{print $1 + $2}'; done | sort -g | head -1)
echo "peer:   interpreter start and imports: $startup CPU s (subtracted)" >&2
for d in 1 10; do
  styles="vectorised loop"
  [[ $d != 1 ]] && styles="loop"
  for n in 10 1000; do
    for style in $styles; do
      # About a CPU second or more of work per measurement: the vectorised style at n = 10 is fast, the
      # loop at d = 10 (numpy's multivariate_normal, an SVD per generation) slow.
      runs=$RUNS
      [[ $style == vectorised && $n == 10 ]] && runs=$((RUNS * 10))
      [[ $style == loop ]] && runs=$((RUNS / 10))
      [[ $style == loop && $d != 1 ]] && runs=$((RUNS / 20))
      echo "peer:   $PYTHON $PEERS/gaussian/peer.py bench --n $n --dimension $d --runs $runs --generations $GENERATIONS --style $style" >&2
      # The process's CPU seconds (user + system), from bash's TIMEFORMAT.
      cpu=$( { TIMEFORMAT='%U %S'; time "$PYTHON" "$PEERS/gaussian/peer.py" bench --n "$n" --dimension "$d" --runs "$runs" \
        --generations "$GENERATIONS" --style "$style" > "$OUT/peer-$style-$n-$d.txt"; } 2>&1 | awk '{print $1 + $2}')
      printf '%s\t%s\t%s\t%s\t%s\n' "$n" "$d" "$style" "$((runs * GENERATIONS))" \
        "$(awk -v c="$cpu" -v s="$startup" 'BEGIN {print c - s}')" >> "$OUT/peer.tsv"
    done
  done
done
echo "farm:   $JAVA -cp $JAR org.collapsefarm.bench.family.FamilyVsPeer --runs $RUNS --generations $GENERATIONS --n 10,1000 --d 1,10 --min-cpu $MIN_CPU" >&2
"$JAVA" -cp "$JAR" org.collapsefarm.bench.family.FamilyVsPeer --runs "$RUNS" --generations "$GENERATIONS" --n 10,1000 \
  --d 1,10 --min-cpu "$MIN_CPU" > "$OUT/farm.jsonl"

"$PYTHON" - "$OUT/peer.tsv" "$OUT/farm.jsonl" <<'PY'
import json, sys
peer = {}
for line in open(sys.argv[1]):
    n, d, style, gens, cpu = line.split()
    peer.setdefault((int(n), int(d)), {})[style] = int(gens) / float(cpu)
farm = {(row["n"], row["d"]): row for row in map(json.loads, open(sys.argv[2]))}
print("%-5s %-3s %-18s %-22s %-22s %8s %s" % ("n", "d", "farm gen/s/core", "peer vectorised", "peer loop", "ratio", "target"))
for key in sorted(farm, key=lambda k: (k[1], k[0])):
    n, d = key
    f = farm[key]["gens_per_s_per_core"]
    best = max(peer[key].values())
    target = 3 if n == 10 else 300
    vec = peer[key].get("vectorised")
    print("%-5d %-3d %-18.4g %-22s %-22.4g %8.1f >= %dx: %s" % (n, d, f, "%.4g" % vec if vec else "(d > 1: loop)",
          peer[key]["loop"], f / best, target, "yes" if f / best >= target else "NO"))
    print("      farm: %.1f ns per run-generation (cpu), %d runs x %d generations x %d repeats, cpu %.2f s, wall %.2f s"
          % (farm[key]["ns_per_generation"], farm[key]["runs"], farm[key]["generations"], farm[key]["repeats"],
             farm[key]["cpu_s"], farm[key]["wall_s"]))
PY
