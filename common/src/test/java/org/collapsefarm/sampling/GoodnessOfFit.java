package org.collapsefarm.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson chi-square goodness of fit of observed draws against an exact pmf, with the rejection
 * threshold taken from the chi-square null distribution (not tuned): the statistic is compared with
 * the (1 − α/m) quantile of χ²(bins − 1), α the family-wise level and m the number of tests in the
 * family (Bonferroni). Bins are formed from consecutive support values and pooled left to right
 * until each expected count is ≥ {@value #MIN_EXPECTED}; the two tails beyond the observed range
 * are folded into the end bins so that the bin probabilities sum to 1.
 */
final class GoodnessOfFit {
  /** Cochran's rule: every pooled bin has expected count at least 5. */
  static final double MIN_EXPECTED = 5;

  private GoodnessOfFit() {}

  /** The (1 − α/m) quantile of χ²(df): the Bonferroni-corrected rejection threshold. */
  static double threshold(int df, double familyAlpha, int family) {
    return ChiSquaredDistribution.of(df).inverseSurvivalProbability(familyAlpha / family);
  }

  /**
   * Asserts that the draws (values, not necessarily sorted) fit the distribution with pmf
   * {@code pmf} on [min, max] of the draws, left tail P(X &lt; min) = {@code cdf(min − 1)} and right
   * tail P(X &gt; max) = {@code sf(max)}.
   */
  static void assertFits(String label, long[] draws, LongToDoubleFunction pmf,
      LongToDoubleFunction cdf, LongToDoubleFunction sf, double familyAlpha, int family) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long d : draws) {
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    int width = Math.toIntExact(max - min + 1);
    long[] observed = new long[width];
    for (long d : draws) {
      observed[(int) (d - min)]++;
    }
    double[] probability = new double[width];
    for (int i = 0; i < width; i++) {
      probability[i] = pmf.applyAsDouble(min + i);
    }
    probability[0] += cdf.applyAsDouble(min - 1);
    probability[width - 1] += sf.applyAsDouble(max);
    assertFits(label, observed, probability, draws.length, familyAlpha, family);
  }

  /** As {@link #assertFits(String, long[], LongToDoubleFunction, LongToDoubleFunction,
   * LongToDoubleFunction, double, int)} against the exact pmf of {@code exact} (Commons Statistics). */
  static void assertFitsBinomial(String label, long[] draws, BinomialDistribution exact, double familyAlpha,
      int family) {
    assertFits(label, draws, x -> exact.probability((int) x), x -> x < 0 ? 0 : exact.cumulativeProbability((int) x),
        x -> exact.survivalProbability((int) x), familyAlpha, family);
  }

  /**
   * As {@link #assertFits(String, long[], LongToDoubleFunction, LongToDoubleFunction,
   * LongToDoubleFunction, double, int)} for a unimodal pmf on the support [lower, upper], with the
   * tails beyond the observed range summed term by term outward until a term falls below 1e-18 of
   * the tail so far (the terms decrease geometrically there): for libraries whose CDF is a long sum.
   */
  static void assertFitsUnimodal(String label, long[] draws, LongToDoubleFunction pmf, long lower,
      long upper, double familyAlpha, int family) {
    assertFits(label, draws, pmf, x -> tail(pmf, x, lower, -1), x -> tail(pmf, x + 1, upper, 1),
        familyAlpha, family);
  }

  /** Σ pmf(x), x from start stepping by step to end (inclusive), stopped when terms are negligible. */
  private static double tail(LongToDoubleFunction pmf, long start, long end, int step) {
    double sum = 0;
    for (long x = start; step < 0 ? x >= end : x <= end; x += step) {
      double term = pmf.applyAsDouble(x);
      sum += term;
      if (term <= 1e-18 * sum || term == 0) {
        break;
      }
    }
    return sum;
  }

  /**
   * Asserts that category counts {@code observed} (summing to {@code total}) fit the category
   * probabilities {@code probability} (summing to 1), pooling consecutive categories as above.
   */
  static void assertFits(String label, long[] observed, double[] probability, long total,
      double familyAlpha, int family) {
    List<double[]> bins = new ArrayList<>(); // {observed, expected}
    double o = 0;
    double e = 0;
    for (int i = 0; i < observed.length; i++) {
      o += observed[i];
      e += probability[i] * total;
      if (e >= MIN_EXPECTED) {
        bins.add(new double[] {o, e});
        o = 0;
        e = 0;
      }
    }
    if (!bins.isEmpty()) {
      double[] lastBin = bins.get(bins.size() - 1);
      lastBin[0] += o;
      lastBin[1] += e;
    } else {
      bins.add(new double[] {o, e});
    }
    // An event of probability 0 that happened is an outright failure, not a large statistic.
    for (int i = 0; i < observed.length; i++) {
      if (probability[i] == 0) {
        assertThat(observed[i]).as("%s: draws in a category of probability 0 (index %d)", label, i)
            .isZero();
      }
    }
    if (bins.size() < 2) {
      return; // a single bin carries no information (the distribution is concentrated)
    }
    double statistic = 0;
    for (double[] bin : bins) {
      double d = bin[0] - bin[1];
      statistic += d * d / bin[1];
    }
    int df = bins.size() - 1;
    double threshold = threshold(df, familyAlpha, family);
    assertThat(statistic)
        .as("%s: chi-square %.2f on %d df; reject above %.2f (alpha %.1e, Bonferroni over %d)",
            label, statistic, df, threshold, familyAlpha, family)
        .isLessThanOrEqualTo(threshold);
  }

  /** |sample mean − μ| / (σ/√N) ≤ z. */
  static void assertMean(String label, long[] draws, double mean, double variance, double z) {
    double sum = 0;
    for (long d : draws) {
      sum += d;
    }
    double m = sum / draws.length;
    double se = Math.sqrt(variance / draws.length);
    assertThat(Math.abs(m - mean))
        .as("%s: mean %.6g vs %.6g, z limit %.1f (se %.3g)", label, m, mean, z, se)
        .isLessThanOrEqualTo(z * se + 1e-12 * Math.abs(mean));
  }

  /**
   * |s² − σ²| / se(s²) ≤ z, with se(s²)² = (μ4 − σ⁴ (N − 3)/(N − 1)) / N, the exact variance of the
   * unbiased sample variance given the fourth central moment μ4.
   */
  static void assertVariance(String label, long[] draws, double mean, double variance,
      double fourthCentralMoment, double z) {
    int n = draws.length;
    double sum = 0;
    for (long d : draws) {
      sum += d - mean;
    }
    double shift = sum / n; // sample mean − μ, for a numerically centred sum of squares
    double ss = 0;
    for (long d : draws) {
      double c = d - mean - shift;
      ss += c * c;
    }
    double s2 = ss / (n - 1);
    double se = Math.sqrt((fourthCentralMoment - variance * variance * (n - 3.0) / (n - 1)) / n);
    assertThat(Math.abs(s2 - variance))
        .as("%s: variance %.6g vs %.6g, z limit %.1f (se %.3g)", label, s2, variance, z, se)
        .isLessThanOrEqualTo(z * se);
  }
}
