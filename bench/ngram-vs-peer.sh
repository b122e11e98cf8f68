#!/usr/bin/env bash
# The n-gram kernel against the Python peer (../shared/peers/ngram/peer.py bench, both styles), in one
# go, on the same tokens: the built-in English corpus (Lucene's Europarl test corpus, English
# documents, words tokenizer, lower-cased), exported by the farm to a one-document-per-line file;
# fully synthetic at orders 2 and 3, TOKENS tokens per generation (default 10^6), GENERATIONS
# generations (default 5); each side on one core. The kernel repeats those G generations from the
# corpus: untimed for a second of CPU (the JIT), then timed for MIN_CPU seconds (default 2).
#
# Prints, per order: generated + counted tokens per core-second of the kernel (thread CPU time) and
# of each peer style (its own figure, per wall second of one single-threaded process), the ratio to
# the best style, against the targets of issue 11 (>= 30x the peer's best style, >= 10^7 tokens per
# core-second); the whole cell per generation (sample, fit, every measurement of MATH.md §8); and
# the kernel's heap: the kernel runs in a JVM with -Xmx256m (the target per cell at order 3,
# n = 10^6), so finishing is the check. Raw outputs are kept in bench/target/ngram-vs-peer/.
#
# Usage: bench/ngram-vs-peer.sh   (from anywhere; builds common and bench first, offline)
# Environment: PEERS (default ../shared/peers), TOKENS, GENERATIONS, MIN_CPU, PYTHON (default /usr/bin/python3), JAVA,
# JAVA_OPTS (the kernel JVM's extra options, e.g. -XX:+UseTransparentHugePages as FARM_THP=1 gives the farm).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PEERS="${PEERS:-../shared/peers}"
TOKENS="${TOKENS:-1000000}"
GENERATIONS="${GENERATIONS:-5}"
MIN_CPU="${MIN_CPU:-2}"
read -r -a JAVA_OPTS_ARRAY <<< "${JAVA_OPTS:-}"
PYTHON="${PYTHON:-/usr/bin/python3}"
JAVA="${JAVA:-java}"
OUT="bench/target/ngram-vs-peer"
JAR="bench/target/benchmarks.jar"

if ! "$PYTHON" -c 'import numpy' 2>/dev/null; then
  echo "error: $PYTHON cannot import numpy (Debian: apt-get install -y python3-numpy)" >&2
  exit 2
fi
if [[ ! -f "$PEERS/ngram/peer.py" ]]; then
  echo "error: peer not found at $PEERS/ngram/peer.py (set PEERS)" >&2
  exit 2
fi
mvn -B -q -o -pl bench -am package -DskipTests
mkdir -p "$OUT"
MAIN=org.collapsefarm.bench.text.NgramVsPeer
"$JAVA" -cp "$JAR" "$MAIN" --export "$OUT/europarl-en.txt"
echo "corpus: $(wc -l < "$OUT/europarl-en.txt") documents, $(wc -w < "$OUT/europarl-en.txt") words" >&2
: > "$OUT/peer.txt"
for order in 2 3; do
  for style in vectorised loop; do
    echo "peer:   $PYTHON $PEERS/ngram/peer.py bench $OUT/europarl-en.txt --order $order --tokens $TOKENS --generations $GENERATIONS --style $style" >&2
    # A style that fails (its traceback is kept in peer-<order>-<style>.err) is left out of the ratio.
    rate=$("$PYTHON" "$PEERS/ngram/peer.py" bench "$OUT/europarl-en.txt" --order "$order" --tokens "$TOKENS" \
      --generations "$GENERATIONS" --style "$style" 2> "$OUT/peer-$order-$style.err" \
      | awk '/tokens_per_second/ {print $2}') || true
    echo "$order $style ${rate:-failed}" >> "$OUT/peer.txt"
  done
done
echo "kernel: $JAVA ${JAVA_OPTS:-}${JAVA_OPTS:+ }-Xmx256m -cp $JAR $MAIN --orders 2,3 --tokens $TOKENS --generations $GENERATIONS --min-cpu $MIN_CPU" >&2
"$JAVA" "${JAVA_OPTS_ARRAY[@]}" -Xmx256m -cp "$JAR" "$MAIN" --orders 2,3 --tokens "$TOKENS" --generations "$GENERATIONS" --min-cpu "$MIN_CPU" \
  > "$OUT/kernel.jsonl"

"$PYTHON" - "$OUT/peer.txt" "$OUT/kernel.jsonl" <<'PY'
import json, sys
peer = {}
for line in open(sys.argv[1]):
    order, style, rate = line.split()
    if rate == "failed":
        print("peer %s style failed at order %s (see peer-%s-%s.err)" % (style, order, order, style))
        continue
    peer.setdefault(int(order), {})[style] = float(rate)
# The peer reports tokens per wall second; the ratio is given against the kernel's CPU rate and,
# conservatively on a loaded machine, against its wall rate too.
print("%-5s %-18s %-34s %8s %8s %6s %9s %-22s %s" % ("order", "kernel tok/core-s", "peer best (tok/s, one core)",
      "ratio", "wall", ">=30x", ">=1e7", "cell tok/core-s", "heap (-Xmx256m)"))
for row in map(json.loads, open(sys.argv[2])):
    k = row["order"]
    style, best = max(peer[k].items(), key=lambda kv: kv[1])
    ratio = row["tokens_per_cpu_s"] / best
    wall = row["tokens"] * row["generations"] / row["wall_s"] / best
    print("%-5d %-18.4g %-34s %8.1f %8.1f %6s %9s %-22.4g %.0f MB used after GC, finished" % (k, row["tokens_per_cpu_s"],
          "%s %.4g (%s)" % (style, best, ", ".join("%s %.3g" % kv for kv in sorted(peer[k].items()))), ratio, wall,
          "yes" if ratio >= 30 else "NO", "yes" if row["tokens_per_cpu_s"] >= 1e7 else "NO",
          row["cell_tokens_per_cpu_s"], row["heap_used_mb"]))
    print("      %d states, %d edges; kernel cpu %.2f s, wall %.2f s for %d x %d tokens" % (row["states"], row["edges"],
          row["cpu_s"], row["wall_s"], row["generations"], row["tokens"]))
PY
