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
 *
 * <p>A skewed measurement (a squared error, a variance ratio) makes the plug-in z lopsided: a mean that
 * falls low has a small SE too, and at a Bonferroni threshold of 3–3.5 a χ²₁-like quantity with R = 400
 * runs rejects a true formula several times as often as α. Where a point carries the sample skewness γ
 * of its runs, the statistic is Hall's (1992) skewness-removing transformation of t = (mean − formula)/SE,
 * {@code g(t) = t + γt²/(3√R) + γ²t³/(27R) + γ/(6√R)} (P. Hall, "On the removal of skewness by
 * transformation", JRSS B 54, 221–228), which is monotone and normal to O(1/R); the interval is its
 * inverse, {@code mean − SE·g⁻¹(±z*)}, asymmetric. γ = 0 or NaN gives the plain z.
 *
 * <p>With a handful of runs per generation the SE itself is noisy and the normal z* is too small: at R =
 * 8 runs and 20 generations a true formula is rejected about a third of the time instead of α. A check
 * whose values are close to normal (sums of many draws) and whose runs may be few takes {@link
 * Reference#STUDENT_T}: each generation's threshold is the Student-t quantile with R − 1 degrees of
 * freedom at the same Bonferroni level, exact for normal values (ExactFormulaCheckTest measures both).
 */
public final class ExactFormulaCheck {
  /** The null distribution of a generation's statistic. */
  public enum Reference {
    /** Standard normal (after Hall's correction where a point is skewed): right for many runs. */
    NORMAL,
    /** Student-t with R − 1 degrees of freedom, R the point's runs; skewness is not corrected. */
    STUDENT_T
  }

  /**
   * One generation's comparison.
   *
   * @param generation m
   * @param mean the empirical mean over the runs
   * @param se its standard error
   * @param runs R
   * @param formula the formula's value
   * @param skewness the sample skewness γ of the runs' values (0 or NaN: the plain z)
   */
  public record Point(int generation, double mean, double se, long runs, double formula, double skewness) {
    /** A point without skewness correction. */
    public Point(int generation, double mean, double se, long runs, double formula) {
      this(generation, mean, se, runs, formula, 0.0);
    }

    private boolean skewed() {
      return Double.isFinite(skewness) && skewness != 0.0;
    }

    /** The signed statistic: t = (mean − formula)/SE, or Hall's g(t) for a skewed point. */
    public double z() {
      double t = (mean - formula) / se;
      if (!skewed()) {
        return t;
      }
      double a = skewness / (3.0 * Math.sqrt(runs));
      return t + a * t * t + a * a * t * t * t / 3.0 + skewness / (6.0 * Math.sqrt(runs));
    }

    /** The t at which the statistic equals y: g⁻¹(y) = ((1 + 3a(y − b))^{1/3} − 1)/a, a = γ/(3√R), b = γ/(6√R). */
    double inverse(double y) {
      if (!skewed()) {
        return y;
      }
      double a = skewness / (3.0 * Math.sqrt(runs));
      double b = skewness / (6.0 * Math.sqrt(runs));
      return (Math.cbrt(1.0 + 3.0 * a * (y - b)) - 1.0) / a;
    }
  }

  private ExactFormulaCheck() {}

  /**
   * @param points the generations compared (those with fewer than 2 runs are skipped)
   * @param range the span of the quantity's possible values (for the SE = 0 rule)
   * @param alpha the family-wise error rate, e.g. {@link Intervals#ALPHA}
   */
  public static CheckResult check(List<Point> points, double range, double alpha) {
    return check(points, range, alpha, Reference.NORMAL);
  }

  /**
   * @param points the generations compared (those with fewer than 2 runs are skipped)
   * @param range the span of the quantity's possible values (for the SE = 0 rule)
   * @param alpha the family-wise error rate, e.g. {@link Intervals#ALPHA}
   * @param reference the statistic's null distribution
   */
  public static CheckResult check(List<Point> points, double range, double alpha, Reference reference) {
    ParameterException.requireAbove("range", range, 0.0);
    if (reference == Reference.STUDENT_T) {
      points = points.stream().map(p -> new Point(p.generation(), p.mean(), p.se(), p.runs(), p.formula())).toList();
    }
    List<Point> usable = points.stream().filter(p -> p.runs() >= 2).toList();
    if (usable.isEmpty()) {
      return CheckResult.notApplicable(CheckKind.EXACT, Double.NaN, "no generation with at least 2 runs");
    }
    int k = usable.size();
    double zStar = Intervals.zTwoSided(alpha, k);
    Point worst = null;
    double worstThreshold = zStar;
    double worstScore = -1;
    double worstStat = 0;
    boolean worstIsZ = true;
    for (Point p : usable) {
      double diff = Math.abs(p.mean() - p.formula());
      double score;
      double stat;
      boolean isZ;
      double threshold = reference == Reference.STUDENT_T ? Intervals.tTwoSided(alpha, k, p.runs()) : zStar;
      if (p.se() > 0) {
        stat = Math.abs(p.z());
        score = stat / threshold;
        isZ = true;
      } else {
        stat = diff;
        score = diff / allowedWithoutVariance(range, k, alpha, p.runs());
        isZ = false;
      }
      if (!(score <= worstScore)) { // NaN counts as worst: a NaN estimate is never consistent
        worstScore = score;
        worstThreshold = threshold;
        worst = p;
        worstStat = stat;
        worstIsZ = isZ;
      }
    }
    boolean consistent = worstScore <= 1.0;
    String how = worstIsZ
        ? reference == Reference.STUDENT_T
            ? String.format(Locale.ROOT, "|t| = %.3g at m = %d (the largest |t|/t*)", worstStat, worst.generation())
            : String.format(Locale.ROOT, "max |z| = %.3g at m = %d", worstStat, worst.generation())
        : String.format(Locale.ROOT, "at m = %d all %d runs equal (SE = 0): |diff| = %.3g vs allowed %.3g",
            worst.generation(), worst.runs(), worstStat,
            allowedWithoutVariance(range, k, alpha, worst.runs()));
    String detail = reference == Reference.STUDENT_T
        ? String.format(Locale.ROOT, "%s over %d generations; Bonferroni threshold t* = %.3f there (Student-t, "
            + "%d degrees of freedom; family-wise alpha = %s)", how, k, worstThreshold, worst.runs() - 1, alpha)
        : String.format(Locale.ROOT,
            "%s over %d generations; Bonferroni threshold z* = %.3f (family-wise alpha = %s)", how, k, zStar, alpha);
    // mean − SE·g⁻¹(±z*): symmetric (± z*·SE) without skewness; consistent exactly when the formula lies inside.
    double low = worst.se() == 0 ? worst.mean() : worst.mean() - worst.se() * worst.inverse(worstThreshold);
    double high = worst.se() == 0 ? worst.mean() : worst.mean() - worst.se() * worst.inverse(-worstThreshold);
    if (worst.se() > 0 && worst.skewed()) {
      detail += String.format(Locale.ROOT, "; skewness-corrected (Hall 1992), sample skewness %.3g at that m",
          worst.skewness());
    }
    return new CheckResult(consistent ? Verdict.CONSISTENT : Verdict.VIOLATED, CheckKind.EXACT, worst.mean(),
        low, high, worst.formula(), Double.NaN, detail);
  }

  /** {@code range·min(1, ln(k/α)/R)}: the largest |mean − v| compatible with R equal runs. */
  static double allowedWithoutVariance(double range, int k, double alpha, long runs) {
    return range * Math.min(1.0, Math.log(k / alpha) / runs);
  }
}
