package org.collapsefarm.stats;

import java.util.List;
import java.util.Locale;
import org.collapsefarm.ParameterException;

/**
 * Is an exact formula consistent with the runs over several generations at once (MATH.md §5)?
 * At each generation {@code z = |mean − formula| / SE}; the formula is consistent when every z stays
 * below the Bonferroni threshold {@code z* = Φ^{-1}(1 − α/(2k))} for the k generations compared, so
 * the family-wise false-alarm rate is at most α.
 *
 * <p>A generation whose R runs all gave the same value has SE = 0 although the true variance need not
 * be 0 (e.g. every run collapsed, σ = 1, while the formula is 1 − 10⁻⁵). There the rule is exact
 * instead: if no run out of R differs from the common value v, then with confidence 1 − α/k the
 * chance q that a run differs is below {@code ln(k/α)/R} (as {@code (1−q)^R <= α/k}), so the mean can
 * differ from v by at most {@code range·min(1, ln(k/α)/R)}, range being the quantity's span of
 * possible values (1 for σ and probabilities).
 */
public final class ExactFormulaCheck {
  /**
   * One generation's comparison.
   *
   * @param generation m
   * @param mean the empirical mean over the runs
   * @param se its standard error
   * @param runs R
   * @param formula the formula's value
   */
  public record Point(int generation, double mean, double se, long runs, double formula) {}

  private ExactFormulaCheck() {}

  /**
   * @param points the generations compared (those with fewer than 2 runs are skipped)
   * @param range the span of the quantity's possible values (for the SE = 0 rule)
   * @param alpha the family-wise error rate, e.g. {@link Intervals#ALPHA}
   */
  public static CheckResult check(List<Point> points, double range, double alpha) {
    ParameterException.requireAbove("range", range, 0.0);
    List<Point> usable = points.stream().filter(p -> p.runs() >= 2).toList();
    if (usable.isEmpty()) {
      return CheckResult.notApplicable(CheckKind.EXACT, Double.NaN, "no generation with at least 2 runs");
    }
    int k = usable.size();
    double zStar = Intervals.zTwoSided(alpha, k);
    Point worst = null;
    double worstScore = -1;
    double worstStat = 0;
    boolean worstIsZ = true;
    for (Point p : usable) {
      double diff = Math.abs(p.mean() - p.formula());
      double score;
      double stat;
      boolean isZ;
      if (p.se() > 0) {
        stat = diff / p.se();
        score = stat / zStar;
        isZ = true;
      } else {
        stat = diff;
        score = diff / allowedWithoutVariance(range, k, alpha, p.runs());
        isZ = false;
      }
      if (!(score <= worstScore)) { // NaN counts as worst: a NaN estimate is never consistent
        worstScore = score;
        worst = p;
        worstStat = stat;
        worstIsZ = isZ;
      }
    }
    boolean consistent = worstScore <= 1.0;
    String how = worstIsZ
        ? String.format(Locale.ROOT, "max |z| = %.3g at m = %d", worstStat, worst.generation())
        : String.format(Locale.ROOT, "at m = %d all %d runs equal (SE = 0): |diff| = %.3g vs allowed %.3g",
            worst.generation(), worst.runs(), worstStat,
            allowedWithoutVariance(range, k, alpha, worst.runs()));
    String detail = String.format(Locale.ROOT,
        "%s over %d generations; Bonferroni threshold z* = %.3f (family-wise alpha = %s)", how, k, zStar, alpha);
    double half = zStar * worst.se();
    return new CheckResult(consistent ? Verdict.CONSISTENT : Verdict.VIOLATED, CheckKind.EXACT, worst.mean(),
        worst.mean() - half, worst.mean() + half, worst.formula(), Double.NaN, detail);
  }

  /** {@code range·min(1, ln(k/α)/R)}: the largest |mean − v| compatible with R equal runs. */
  static double allowedWithoutVariance(double range, int k, double alpha, long runs) {
    return range * Math.min(1.0, Math.log(k / alpha) / runs);
  }
}
