package org.collapsefarm.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.collapsefarm.ParameterException;

/**
 * Confidence intervals of MATH.md §5: the mean with its standard error and a normal interval, and
 * the Wilson interval for a probability; z values from the standard normal, with Bonferroni's
 * correction when k comparisons are made at once.
 */
public final class Intervals {
  /** The usual family-wise error rate α of the comparison. */
  public static final double ALPHA = 0.05;
  private static final NormalDistribution STANDARD = NormalDistribution.of(0.0, 1.0);
  /** The two-sided 95% normal quantile, Φ^{-1}(0.975) ≈ 1.95996. */
  public static final double Z95 = zTwoSided(ALPHA, 1);

  private Intervals() {}

  /** {@code Φ^{-1}(1 − α/(2k))}: the two-sided z for level α shared by k comparisons (Bonferroni). */
  public static double zTwoSided(double alpha, int comparisons) {
    return STANDARD.inverseSurvivalProbability(tail(alpha, comparisons));
  }

  /**
   * {@code t_{R−1}^{-1}(1 − α/(2k))}: the two-sided Student-t quantile with R − 1 degrees of freedom for
   * level α shared by k comparisons — the threshold of a mean of R normal values divided by its
   * estimated standard error, which a normal z* makes too small when R is a handful.
   */
  public static double tTwoSided(double alpha, int comparisons, long runs) {
    ParameterException.requireAtLeast("runs", (double) runs, 2.0);
    return TDistribution.of(runs - 1.0).inverseSurvivalProbability(tail(alpha, comparisons));
  }

  /** α/(2k), with α and k validated. */
  private static double tail(double alpha, int comparisons) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new ParameterException("alpha", "must be in (0, 1), got " + alpha);
    }
    ParameterException.requireAtLeast("comparisons", comparisons, 1);
    return alpha / (2.0 * comparisons);
  }

  /**
   * The sample skewness m₃/m₂^{3/2} (central moments with divisor R) from Σx, Σx², Σx³ of R values; NaN
   * when R &lt; 3, a sum is not finite or the values are all equal.
   */
  public static double skewness(double sum, double sumOfSquares, double sumOfCubes, long count) {
    if (count < 3) {
      return Double.NaN;
    }
    double m1 = sum / count;
    double m2 = sumOfSquares / count - m1 * m1;
    double m3 = sumOfCubes / count - 3 * m1 * (sumOfSquares / count) + 2 * m1 * m1 * m1;
    double g = m3 / Math.pow(m2, 1.5);
    return m2 > 0 && Double.isFinite(g) ? g : Double.NaN;
  }

  /**
   * Mean ± z·SE from the sum and sum of squares of R values (as {@code generation_stats} stores them);
   * SE = sd/√R with the unbiased sd. With R < 2 the SE is NaN; a spread within the rounding noise of
   * the sums counts as 0 (every run equal).
   */
  public static Estimate mean(double sum, double sumOfSquares, long count, double z) {
    if (count < 1) {
      throw new ParameterException("runs", "a mean needs at least one run, got " + count);
    }
    double mean = sum / count;
    double se = Double.NaN;
    if (count >= 2) {
      // Σx² − R·mean² cancels: when every value is equal it leaves only rounding noise, bounded by
      // about 2(R+2)·ε·Σx² for a summed Σx² (Higham, Accuracy and Stability, §4.2). Below that the
      // spread is indistinguishable from 0, and 0 lets the all-runs-equal rule apply.
      double centred = sumOfSquares - count * mean * mean;
      double noise = 2.0 * (count + 2) * Math.ulp(1.0) * Math.abs(sumOfSquares);
      double variance = centred <= noise ? 0.0 : centred / (count - 1);
      se = Math.sqrt(variance / count);
    }
    return new Estimate(mean, se, mean - z * se, mean + z * se, count);
  }

  /** Mean ± z·SE of the given values. */
  public static Estimate mean(double[] values, double z) {
    double sum = 0;
    double sumSq = 0;
    for (double v : values) {
      sum += v;
      sumSq += v * v;
    }
    return mean(sum, sumSq, values.length, z);
  }

  /**
   * The Wilson score interval for a probability from k successes in R trials:
   * {@code (p̂ + z²/2R ± z·sqrt(p̂(1−p̂)/R + z²/4R²)) / (1 + z²/R)}. The estimate is p̂ with
   * SE {@code sqrt(p̂(1−p̂)/R)}.
   */
  public static Estimate wilson(long successes, long trials, double z) {
    if (trials < 1 || successes < 0 || successes > trials) {
      throw new ParameterException("runs", "need 0 <= successes <= trials, trials >= 1; got "
          + successes + " of " + trials);
    }
    double r = trials;
    double p = successes / r;
    double z2 = z * z;
    double centre = (p + z2 / (2 * r)) / (1 + z2 / r);
    double half = z * Math.sqrt(p * (1 - p) / r + z2 / (4 * r * r)) / (1 + z2 / r);
    return new Estimate(p, Math.sqrt(p * (1 - p) / r), Math.max(0.0, centre - half), Math.min(1.0, centre + half),
        trials);
  }
}
