#!/usr/bin/env bash
# The farm's fixed cost (issue 13, item 6): where the wall time of a 1,000-cell sweep's `simulate`
# goes. Not a test. Runs, in this order and on the same machine state:
#   1. `submit/farm validate` — the JVM, the configuration and the plan, no Spark: the JVM floor;
#   2. `submit/farm simulate` of the 1,000-cell sweep bench/fixed-cost.conf with
#      Spark's event log on, and splits its wall time by the log's timestamps: JVM and Spark start
#      (until the application starts), then each Spark job by its description (contexts and cells
#      tables, each chunk, compaction, the headline), the gaps between jobs (driver work: planning,
#      commits, listing) and the stop.
# Usage: bench/fixed-cost.sh [threads]   Results in bench/out/fixed-cost/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
source submit/env.sh
farm_build_if_missing
threads="${1:-$(nproc)}"
out="$PWD/bench/out/fixed-cost"
rm -rf "$out" && mkdir -p "$out/events"
conf="$PWD/bench/fixed-cost.conf"
sets=(--set "sweep.output=\"$out/results\"" --set spark.eventLog.enabled=true
  --set spark.eventLog.compress=false --set "spark.eventLog.dir=\"file://$out/events\"")
now_ms() { date +%s%3N; }
echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(now_ms); submit/farm validate "$conf" "${sets[@]}" > "$out/validate.log"; t1=$(now_ms)
echo "validate (JVM + configuration + plan, no Spark): $(( t1 - t0 )) ms"
t0=$(now_ms)
submit/farm simulate "$conf" "${sets[@]}" --master "local[$threads]" > "$out/simulate.log" 2>&1
t1=$(now_ms)
python3 - "$out/events" "$t0" "$t1" <<'PY'
import json, os, sys
folder, t0, t1 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
events = []
for root, _, files in os.walk(folder):
    for f in sorted(files):
        if not f.startswith(("events_", "app-", "local-")) or f.endswith(".crc"):
            continue  # Spark 4 rolls the log into events_N_* files beside an empty appstatus marker
        with open(os.path.join(root, f)) as fh:
            events += [json.loads(l) for l in fh if l.strip()]
start = next(e["Timestamp"] for e in events if e["Event"] == "SparkListenerApplicationStart")
jobs = {}
for e in events:
    if e["Event"] == "SparkListenerJobStart":
        stages = e.get("Stage Infos") or [{}]
        desc = (e.get("Properties") or {}).get("spark.job.description") \
            or stages[-1].get("Stage Name", "(no description)")
        jobs[e["Job ID"]] = [desc, e["Submission Time"], None]
    elif e["Event"] == "SparkListenerJobEnd":
        jobs[e["Job ID"]][2] = e["Completion Time"]
rows = [("JVM start, configuration, Spark start (until the application starts)", start - t0)]
by_desc, last, gaps = {}, start, 0
for desc, s, c in sorted(jobs.values(), key=lambda j: j[1]):
    gaps += max(0, s - last)
    key = "simulate chunks" if desc.startswith("simulate chunk") else desc
    by_desc[key] = by_desc.get(key, 0) + (c - s)
    last = max(last, c)
rows += [("Spark jobs: " + k, v) for k, v in by_desc.items()]
rows += [("driver between jobs (plan, commits, file listing, job setup)", gaps),
         ("after the last job (Spark stop, JVM exit)", t1 - last)]
print(f"simulate, 1,000 cells: {t1 - t0} ms wall")
for name, ms in rows:
    print(f"  {ms:7d} ms  {name}")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
