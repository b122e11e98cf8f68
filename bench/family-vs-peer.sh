#!/usr/bin/env bash
# The Gaussian family (common/family, through the paradigm layer) against the Gaussian peer
# (../shared/peers/gaussian/peer.py bench, both styles) on the same workload: N(0, 1) re-fitted by
# maximum likelihood to n samples of the previous fit, 100 generations, n = 10 and n = 1000. Both
# sides are timed by CPU seconds (the peer by the user + system time of its process less that of the
# interpreter's start and imports, the farm by its thread's CPU time), so a loaded machine slows the
# wall clock of both but not the ratio.
#
# Prints, per (n, d): run-generations per CPU second of the farm and of each peer style, and the ratio
# to the peer's best style, against the targets of issue 12 (>= 3x at n = 10, >= 300x at n = 1000).
# d = 10 is not measured: the farm's family layer has only d = 1 so far.
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
for n in 10 1000; do
  for style in vectorised loop; do
    # About a CPU second or more of work per measurement: the vectorised style at n = 10 is fast.
    runs=$RUNS
    [[ $style == vectorised && $n == 10 ]] && runs=$((RUNS * 10))
    [[ $style == loop ]] && runs=$((RUNS / 10))
    echo "peer:   $PYTHON $PEERS/gaussian/peer.py bench --n $n --dimension 1 --runs $runs --generations $GENERATIONS --style $style" >&2
    # The process's CPU seconds (user + system), from bash's TIMEFORMAT.
    cpu=$( { TIMEFORMAT='%U %S'; time "$PYTHON" "$PEERS/gaussian/peer.py" bench --n "$n" --dimension 1 --runs "$runs" \
      --generations "$GENERATIONS" --style "$style" > "$OUT/peer-$style-$n.txt"; } 2>&1 | awk '{print $1 + $2}')
    printf '%s\t%s\t%s\t%s\n' "$n" "$style" "$((runs * GENERATIONS))" "$(awk -v c="$cpu" -v s="$startup" 'BEGIN {print c - s}')" \
      >> "$OUT/peer.tsv"
  done
done
echo "farm:   $JAVA -cp $JAR org.collapsefarm.bench.family.FamilyVsPeer --runs $RUNS --generations $GENERATIONS --n 10,1000 --d 1 --min-cpu $MIN_CPU" >&2
"$JAVA" -cp "$JAR" org.collapsefarm.bench.family.FamilyVsPeer --runs "$RUNS" --generations "$GENERATIONS" --n 10,1000 \
  --d 1 --min-cpu "$MIN_CPU" > "$OUT/farm.jsonl"

"$PYTHON" - "$OUT/peer.tsv" "$OUT/farm.jsonl" <<'PY'
import json, sys
peer = {}
for line in open(sys.argv[1]):
    n, style, gens, cpu = line.split()
    peer.setdefault(int(n), {})[style] = int(gens) / float(cpu)
farm = {row["n"]: row for row in map(json.loads, open(sys.argv[2]))}
print("%-5s %-3s %-18s %-22s %-22s %8s %s" % ("n", "d", "farm gen/s/core", "peer vectorised", "peer loop", "ratio", "target"))
for n in sorted(farm):
    f = farm[n]["gens_per_s_per_core"]
    best = max(peer[n].values())
    target = 3 if n == 10 else 300
    print("%-5d %-3d %-18.4g %-22.4g %-22.4g %8.1f >= %dx: %s" % (n, farm[n]["d"], f, peer[n]["vectorised"], peer[n]["loop"],
          f / best, target, "yes" if f / best >= target else "NO"))
    print("      farm: %.1f ns per run-generation (cpu), %d runs x %d generations x %d repeats, cpu %.2f s, wall %.2f s"
          % (farm[n]["ns_per_generation"], farm[n]["runs"], farm[n]["generations"], farm[n]["repeats"],
             farm[n]["cpu_s"], farm[n]["wall_s"]))
PY
