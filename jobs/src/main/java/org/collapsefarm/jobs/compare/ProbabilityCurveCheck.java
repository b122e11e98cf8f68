package org.collapsefarm.jobs.compare;

import java.util.List;
import java.util.Locale;
import org.collapsefarm.stats.CheckKind;
import org.collapsefarm.stats.CheckResult;
import org.collapsefarm.stats.Estimate;
import org.collapsefarm.stats.Intervals;
import org.collapsefarm.stats.Verdict;

/**
 * An exact formula for a probability at several generations (e.g. the exact chain's {@code P(T > k)})
 * against observed proportions (MATH.md §5): consistent when the formula lies inside the Wilson
 * interval at every generation, the intervals taken at the Bonferroni z for the k generations. Wilson
 * rather than p̂ ± z·SE because the tails matter here: a proportion of 0 or 1 has a zero plug-in SE,
 * while its Wilson interval still has the width its R trials allow.
 */
final class ProbabilityCurveCheck {
  /**
   * One generation.
   *
   * @param generation m
   * @param successes runs with the event
   * @param trials runs
   * @param formula the formula's probability
   */
  record Point(int generation, long successes, long trials, double formula) {}

  /** The result, with the generation its numbers are from and its z under the formula. */
  record Outcome(CheckResult result, int generation, Double zScore, int comparisons) {}

  private ProbabilityCurveCheck() {}

  static Outcome check(List<Point> points, double alpha) {
    List<Point> usable = points.stream().filter(p -> p.trials() >= 1).toList();
    if (usable.isEmpty()) {
      return new Outcome(CheckResult.notApplicable(CheckKind.EXACT, Double.NaN, "no generation with a run"), 0, null,
          0);
    }
    int k = usable.size();
    double z = Intervals.zTwoSided(alpha, k);
    Point worst = null;
    Estimate worstEstimate = null;
    double worstScore = Double.NEGATIVE_INFINITY;
    int outside = 0;
    for (Point p : usable) {
      Estimate w = Intervals.wilson(p.successes(), p.trials(), z);
      double centre = (w.low() + w.high()) / 2;
      double half = (w.high() - w.low()) / 2;
      double score = Math.abs(p.formula() - centre) / half; // > 1: the formula is outside the interval
      if (p.formula() < w.low() || p.formula() > w.high()) {
        outside++;
      }
      if (score > worstScore) {
        worstScore = score;
        worst = p;
        worstEstimate = w;
      }
    }
    boolean consistent = outside == 0;
    double f = worst.formula();
    Double zScore = f > 0 && f < 1
        ? Math.abs(worstEstimate.value() - f) / Math.sqrt(f * (1 - f) / worst.trials())
        : null;
    String detail = String.format(Locale.ROOT,
        "formula outside the Wilson interval at %d of %d generations; worst m = %d: %d of %d runs, "
            + "interval [%.6g, %.6g] vs formula %.6g; Wilson at Bonferroni z* = %.3f (family-wise alpha = %s)",
        outside, k, worst.generation(), worst.successes(), worst.trials(), worstEstimate.low(), worstEstimate.high(),
        f, z, alpha);
    CheckResult r = new CheckResult(consistent ? Verdict.CONSISTENT : Verdict.VIOLATED, CheckKind.EXACT,
        worstEstimate.value(), worstEstimate.low(), worstEstimate.high(), f, Double.NaN, detail);
    return new Outcome(r, worst.generation(), zScore, k);
  }
}
