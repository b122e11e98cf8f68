#!/usr/bin/env bash
# The kernel against the numpy peer (../shared/peers/numpy/peer.py bench), in one go, on the same
# workload: fully synthetic to collapse, s = 600, s~ = 52, S_0 = 0.1, n = 10 and n = 400, RUNS runs
# per batch (default 1000), each side single-threaded and timed by CPU seconds.
#
# Prints, per n: generations/s per core of the kernel and of the peer's best style, their ratio, and
# the kernel's ns per live token-generation (wall time / Σ RunResult.tokenGenerations), against the
# targets of issue 2 (ratio >= 3, <= 10 ns at n = 400). The raw JSON of both sides is kept in
# bench/target/kernel-vs-peer/.
#
# Usage: bench/kernel-vs-peer.sh            (from anywhere; builds common and bench first, offline)
# Environment: PEERS (default ../shared/peers, relative to the repo root), RUNS, MIN_CPU (CPU seconds
# per measurement, default 2), PYTHON (default /usr/bin/python3), JAVA (default java).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PEERS="${PEERS:-../shared/peers}"
RUNS="${RUNS:-1000}"
MIN_CPU="${MIN_CPU:-2}"
PYTHON="${PYTHON:-/usr/bin/python3}"
JAVA="${JAVA:-java}"
OUT="bench/target/kernel-vs-peer"
JAR="bench/target/benchmarks.jar"

if ! "$PYTHON" -c 'import numpy' 2>/dev/null; then
  echo "error: $PYTHON cannot import numpy (Debian: apt-get install -y python3-numpy)" >&2
  exit 2
fi
if [[ ! -f "$PEERS/numpy/peer.py" ]]; then
  echo "error: peer not found at $PEERS/numpy/peer.py (set PEERS)" >&2
  exit 2
fi
# Build the shaded JMH jar (offline, no install), so the kernel measured is the working tree's.
mvn -B -q -o -pl bench -am package -DskipTests
mkdir -p "$OUT"

echo "peer:   $PYTHON $PEERS/numpy/peer.py bench --json --runs $RUNS --min-cpu $MIN_CPU" >&2
(cd "$PEERS/numpy" && "$PYTHON" peer.py bench --json --runs "$RUNS" --min-cpu "$MIN_CPU") > "$OUT/peer.json"
echo "kernel: $JAVA -cp $JAR org.collapsefarm.bench.kernel.KernelVsPeer --runs $RUNS --n 10,400 --min-cpu $MIN_CPU" >&2
"$JAVA" -cp "$JAR" org.collapsefarm.bench.kernel.KernelVsPeer --runs "$RUNS" --n 10,400 --min-cpu "$MIN_CPU" > "$OUT/kernel.jsonl"

"$PYTHON" - "$OUT/peer.json" "$OUT/kernel.jsonl" <<'PY'
import json, sys
peer = json.load(open(sys.argv[1]))
kernel = {row["n"]: row for row in map(json.loads, open(sys.argv[2]))}
print("cpu: %s" % peer["meta"].get("cpu"))
print("%-5s %-16s %-44s %7s %6s %s" % ("n", "kernel gen/s/core", "peer best style (gen/s/core)", "ratio", ">= 3x", "ns/live token-gen (wall; cpu)"))
for n in sorted(kernel):
    k = kernel[n]
    rows = [r for r in peer["rows"] if r["n"] == n]
    best = max(rows, key=lambda r: r["gens_per_s_per_core"])
    ratio = k["gens_per_s_per_core"] / best["gens_per_s_per_core"]
    ns = k["ns_per_token_generation"]
    target = "" if n != 400 else (" (<= 10: %s)" % ("yes" if ns <= 10 else "NO"))
    label = "%s, %s: %.4g" % (best["style"], best["variant"], best["gens_per_s_per_core"])
    print("%-5d %-16.4g %-44s %7.2f %6s %.2f; %.2f%s" % (n, k["gens_per_s_per_core"], label, ratio,
          "yes" if ratio >= 3 else "NO", ns, k["cpu_ns_per_token_generation"], target))
    print("      kernel: mean T %.2f, %d runs x %d repeats, %d censored, cpu %.2f s, wall %.2f s"
          % (k["mean_T"], k["runs"], k["repeats"], k["censored"], k["cpu_s"], k["wall_s"]))
PY
