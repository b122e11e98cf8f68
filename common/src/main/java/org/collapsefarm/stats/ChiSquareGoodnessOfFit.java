package org.collapsefarm.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.collapsefarm.ParameterException;

/**
 * Pearson's chi-square goodness of fit of observed counts against probabilities (MATH.md §5, used for
 * [S] Proposition 1: the absorbing tokens of the collapsed runs against p). Categories with an
 * expected count below {@link #MIN_EXPECTED} are pooled, smallest first, so that the chi-square
 * approximation of the statistic's law is sound (Cochran's rule); the p-value is from Commons
 * Statistics' {@link ChiSquaredDistribution}.
 *
 * <p>Caveat for the caller: censored runs have no absorbing token, and conditioning on collapse by
 * the cap changes the tokens' law (tokens do not all fixate equally fast), so the test is exact only
 * when no run is censored.
 */
public final class ChiSquareGoodnessOfFit {
  /** The smallest expected count of a pooled category. */
  public static final double MIN_EXPECTED = 5.0;

  /**
   * @param statistic Σ (O − E)²/E over the pooled categories
   * @param degreesOfFreedom pooled categories − 1
   * @param pValue P(χ²_df >= statistic)
   * @param categories the number of pooled categories
   */
  public record Result(double statistic, int degreesOfFreedom, double pValue, int categories) {}

  private ChiSquareGoodnessOfFit() {}

  /** The test; {@code degreesOfFreedom = 0} (p-value NaN) when fewer than 2 categories remain. */
  public static Result test(long[] observed, double[] probs) {
    if (observed.length != probs.length || observed.length == 0) {
      throw new ParameterException("probs", "need one probability per observed category");
    }
    long total = 0;
    for (long o : observed) {
      total += o;
    }
    if (total == 0) {
      return new Result(Double.NaN, 0, Double.NaN, 0);
    }
    double probSum = 0;
    for (double p : probs) {
      probSum += p;
    }
    final double scale = total / probSum;
    Integer[] order = IntStream.range(0, probs.length).boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(order, Comparator.comparingDouble(i -> probs[i]));
    List<double[]> pooled = new ArrayList<>(); // {observed, expected}
    double o = 0;
    double e = 0;
    for (int i : order) {
      o += observed[i];
      e += probs[i] * scale;
      if (e >= MIN_EXPECTED) {
        pooled.add(new double[] {o, e});
        o = 0;
        e = 0;
      }
    }
    if (e > 0 || o > 0) {
      if (pooled.isEmpty()) {
        pooled.add(new double[] {o, e});
      } else {
        double[] last = pooled.get(pooled.size() - 1);
        last[0] += o;
        last[1] += e;
      }
    }
    int df = pooled.size() - 1;
    if (df < 1) {
      return new Result(Double.NaN, 0, Double.NaN, pooled.size());
    }
    double statistic = 0;
    for (double[] c : pooled) {
      double d = c[0] - c[1];
      statistic += d * d / c[1];
    }
    double p = ChiSquaredDistribution.of(df).survivalProbability(statistic);
    return new Result(statistic, df, p, pooled.size());
  }

  /**
   * The verdict: consistent when the p-value is at least α, violated below; not-applicable if df = 0.
   * In the result, {@code empirical} is the statistic and {@code theory} its mean under the null (df).
   */
  public static CheckResult check(long[] observed, double[] probs, double alpha) {
    Result r = test(observed, probs);
    if (r.degreesOfFreedom() < 1) {
      return CheckResult.notApplicable(CheckKind.EXACT, Double.NaN,
          "chi-square needs 2 categories with expected count >= " + MIN_EXPECTED + " after pooling; got "
              + r.categories());
    }
    String detail = String.format(Locale.ROOT,
        "Pearson chi-square = %.4g on %d df (%d categories after pooling expected < %s), p-value = %.4g, alpha = %s",
        r.statistic(), r.degreesOfFreedom(), r.categories(), MIN_EXPECTED, r.pValue(), alpha);
    return new CheckResult(r.pValue() >= alpha ? Verdict.CONSISTENT : Verdict.VIOLATED, CheckKind.EXACT,
        r.statistic(), Double.NaN, Double.NaN, r.degreesOfFreedom(), Double.NaN, detail);
  }
}
