package org.collapsefarm.jobs.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.collapsefarm.stats.CheckKind;
import org.collapsefarm.stats.CheckResult;
import org.collapsefarm.stats.Estimate;
import org.collapsefarm.stats.ExactFormulaCheck;
import org.collapsefarm.stats.Intervals;

/**
 * The exact {@code S_m = E σ_m} curves ([S] Theorem 1 eq. 6, [S] Theorem 2's recursion, eq. 9 as
 * printed, the exact chain) against the mean of σ_m in {@code generation_stats}: one
 * {@link ExactFormulaCheck} over every generation m >= 1 where the theory table has the formula and
 * the runs have a mean — the theory grid (every m to 200, then 20 per decade, and M) — while at least
 * {@link #MIN_LIVE_RUNS} runs are not collapsed. m = 0 is left out: σ_0 = S_0 is the context itself,
 * equal by construction. Bonferroni over the compared generations.
 */
final class SigmaChecks {
  /**
   * Generations are compared only while at least this many runs are not yet collapsed. Near
   * absorption σ_m is 1 for all but a few runs, so its mean is far from normal (its skewness is about
   * 1/√(live runs)) and mean ± z·SE with the plug-in SE rejects a true formula far more often than α:
   * measured on 400 groups of 1000 kernel runs (fully synthetic, n = 10, M = 200) the true eq. 6 came
   * out violated in 17.5% of groups when every generation was compared. The collapsed tail is
   * checked by ρ_m and P(T > k) instead, whose tests are exact there.
   */
  static final long MIN_LIVE_RUNS = 50;
  /** σ lies in [0, 1]: the span used by the rule for generations where every run is equal. */
  static final double SIGMA_RANGE = 1.0;

  private SigmaChecks() {}

  /** The check of one S_m-type quantity; not-applicable when the theory or the runs have no such generation. */
  static ComparisonRow check(GroupInput in, String quantity) {
    NavigableMap<Integer, Double> curve = in.curve(quantity);
    List<ExactFormulaCheck.Point> points = new ArrayList<>();
    for (Map.Entry<Integer, Double> e : curve.entrySet()) {
      GenerationMoments g = in.stats().get(e.getKey());
      if (e.getKey() >= 1 && g != null && g.runs() - g.collapsed() >= MIN_LIVE_RUNS) {
        Estimate s = g.sigma(1.0);
        points.add(new ExactFormulaCheck.Point(e.getKey(), s.value(), s.se(), g.runs(), e.getValue()));
      }
    }
    String source = in.source(quantity);
    if (curve.isEmpty()) {
      return ComparisonRow.of(in.groupId(), quantity, source,
          CheckResult.notApplicable(CheckKind.EXACT, Double.NaN, "no " + quantity + " rows in the theory table"),
          null, null, 0);
    }
    if (points.isEmpty()) {
      return ComparisonRow.of(in.groupId(), quantity, source, CheckResult.notApplicable(CheckKind.EXACT, Double.NaN,
          "no generation m >= 1 with at least " + MIN_LIVE_RUNS + " runs not collapsed (too few runs for a normal "
              + "interval of the mean of sigma)"), null, null, 0);
    }
    CheckResult r = ExactFormulaCheck.check(points, SIGMA_RANGE, Intervals.ALPHA);
    ExactFormulaCheck.Point worst = points.stream()
        .filter(p -> p.mean() == r.empirical() && p.formula() == r.theory())
        .findFirst()
        .orElse(null);
    Double z = worst != null && worst.se() > 0 ? Math.abs(worst.mean() - worst.formula()) / worst.se() : null;
    String detail = "mean of sigma_m (generation_stats) vs " + source + " at the generations m >= 1 of the theory "
        + "grid with at least " + MIN_LIVE_RUNS + " runs not collapsed; " + r.detail();
    CheckResult withDetail = new CheckResult(r.verdict(), r.kind(), r.empirical(), r.ciLow(), r.ciHigh(), r.theory(),
        r.tightness(), detail);
    int k = (int) points.stream().filter(p -> p.runs() >= 2).count();
    return ComparisonRow.of(in.groupId(), quantity, source, withDetail, worst == null ? null : worst.generation(), z, k);
  }
}
