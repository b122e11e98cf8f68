#!/usr/bin/env bash
# The README's findings for conf/exponential-families.conf, computed from its result tables (nothing
# typed by hand): per group, the means at m = M = 100 against MATH.md §7's exact values, and the
# comparison's verdicts.
#
# Usage: conf/exponential-families-findings.sh [results folder]   (default results/exponential-families)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RESULTS="${1:-$ROOT/results/exponential-families}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

"$ROOT/submit/farm" sql --results "$RESULTS" --format json "
  with g as (select distinct group_id, context_id, family, estimator, paradigm, n, real_anchor from cells),
       t as (select group_id, generation, quantity, value from theory)
  select g.family, g.estimator, g.paradigm, g.n, g.real_anchor, c.rate_0, s.generation, s.runs,
         s.collapsed_fraction, s.var_ratio_mean, s.log_var_mean, s.mean_sq_error_mean, s.rate_mean, s.rate_zero_mean,
         tv.value as var_ratio_theory, tl.value as log_var_theory, tm.value as mse_theory, ta.value as alive_theory
  from generation_stats s join g on s.group_id = g.group_id join contexts c on g.context_id = c.context_id
  left join t tv on tv.group_id = s.group_id and tv.generation = s.generation and tv.quantity = 'var_ratio'
  left join t tl on tl.group_id = s.group_id and tl.generation = s.generation and tl.quantity = 'log_var'
  left join t tm on tm.group_id = s.group_id and tm.generation = s.generation and tm.quantity = 'mean_sq_error'
  left join t ta on ta.group_id = s.group_id and ta.generation = s.generation and ta.quantity = 'rate_alive'
  where s.generation = 100
  order by g.family, g.estimator, g.paradigm, g.real_anchor, c.rate_0, g.n, s.generation" > "$OUT/stats.json"
"$ROOT/submit/farm" sql --results "$RESULTS" --format json "
  select c.check_name, c.verdict, count(*) as groups, max(c.z_score) as max_z
  from comparison c join (select distinct group_id, family from cells) g on c.group_id = g.group_id
  where g.family <> 'categorical' group by c.check_name, c.verdict order by c.check_name, c.verdict" > "$OUT/verdicts.json"

python3 - "$OUT/stats.json" "$OUT/verdicts.json" <<'PY'
import json, sys

def rows(path):
    text = open(path).read().strip()
    return json.loads(text) if text.startswith("[") else [json.loads(l) for l in text.splitlines() if l.strip()]

def f(x, digits=4):
    return "—" if x is None else ("%.*g" % (digits, x))

stats = rows(sys.argv[1])
print("| model | paradigm | n | m | runs | var_ratio (exact) | log_var (exact) | mean_sq_error (exact) | collapsed by m | rate, P(rate > 0) (exact) |")
print("|---|---|---|---|---|---|---|---|---|---|")
for r in stats:
    model = r["family"] + (" " + r["estimator"] if r.get("estimator") else "") + \
        (" rate %s" % f(r.get("rate_0"), 3) if r.get("rate_0") is not None else "")
    paradigm = r["paradigm"] + (" + %d real/gen" % r["real_anchor"] if r["real_anchor"] else "")
    pois = ""
    if r.get("rate_mean") is not None:
        pois = "%s, %s (%s)" % (f(r["rate_mean"]), f(1 - r["rate_zero_mean"]), f(r.get("alive_theory")))
    print("| %s | %s | %d | %d | %d | %s (%s) | %s (%s) | %s (%s) | %s | %s |" % (
        model, paradigm, r["n"], r["generation"], r["runs"], f(r.get("var_ratio_mean")), f(r.get("var_ratio_theory")),
        f(r.get("log_var_mean")), f(r.get("log_var_theory")), f(r.get("mean_sq_error_mean")), f(r.get("mse_theory")),
        f(r["collapsed_fraction"], 3), pois))
print()
print("Verdicts of the model families' checks (groups; largest |z| among them):")
for r in rows(sys.argv[2]):
    print("- %s %s: %d%s" % (r["check_name"], r["verdict"], r["groups"],
                              "" if r.get("max_z") is None else " (max |z| %.3g)" % r["max_z"]))
PY
