package org.collapsefarm.measure;

import org.collapsefarm.context.Context;

/**
 * The measurements of MATH.md §3 for a model {@code p^(m)} given by integer training counts, computed
 * over the <em>live</em> positions only (issue 2, item 9): the kernel keeps the tokens that can still
 * carry mass at positions {@code 0..live-1} and every other token of the support of {@code p^(0)} is
 * "dead" (zero in {@code p^(m)} and in every later model). Dead tokens enter only through two running
 * sums the kernel keeps, {@code deadP0 = Σ_dead p_i^(0)} and {@code deadP1 = Σ_dead p_i^(1)}:
 *
 * <ul>
 *   <li>{@code ‖p^(m) − p^(0)‖_1 = Σ_live |p_i − p_i^(0)| + deadP0};
 *   <li>{@code ‖p^(m) − p^(1)‖_1 = Σ_live |p_i − p_i^(1)| + deadP1};
 *   <li>missing mass {@code = deadP0 + Σ_{live, p_i = 0} p_i^(0)};
 *   <li>{@code H(p) = ln tot − (1/tot) Σ c_i ln c_i} with a table of {@code c ln c}.
 * </ul>
 *
 * <p>The cross-entropy {@code −Σ p^(0) ln p^(m)} is +∞ for an unsmoothed model as soon as any token of
 * the support of {@code p^(0)} has count 0, and is not a useful number before that (MATH.md §3 reports
 * it only for smoothed models), so it is NaN for every unsmoothed model. Smoothed models ({@code
 * p = (c + λ)/(tot + λ s)} over the whole vocabulary) are measured by {@link #smoothed}.
 */
public final class Measurements {
  /** Counts below this use the {@code c ln c} table; larger ones call {@link Math#log}. */
  static final int TABLE_SIZE = 1 << 16;

  private static final double[] C_LN_C = new double[TABLE_SIZE];

  static {
    for (int c = 2; c < TABLE_SIZE; c++) {
      C_LN_C[c] = c * Math.log(c);
    }
  }

  private Measurements() {}

  /** {@code c ln c} (0 for c ≤ 1). */
  public static double cLnC(int c) {
    return c < TABLE_SIZE ? C_LN_C[c] : c * Math.log(c);
  }

  /** ln t, from the c ln c table when it covers t (a division instead of a logarithm per generation). */
  private static double lnTotal(long t) {
    return t < TABLE_SIZE ? C_LN_C[(int) t] / t : Math.log(t);
  }

  /**
   * The measurements of {@code p^(0)} itself (generation 0): σ = S_0, its max, support and entropy,
   * both L1 distances 0, missing mass 0, cross-entropy H(p^(0)) when smoothed (then the model of
   * generation 0 is p^(0) itself), NaN otherwise.
   */
  public static void initial(Context context, boolean smoothed, double[] out) {
    out[Metric.SIGMA.ordinal()] = context.s0();
    out[Metric.MAX_PROB.ordinal()] = context.maxProb();
    out[Metric.SUPPORT.ordinal()] = context.support();
    out[Metric.ENTROPY.ordinal()] = context.entropy();
    out[Metric.L1_P1.ordinal()] = 0.0;
    out[Metric.L1_P0.ordinal()] = 0.0;
    out[Metric.MISSING_MASS.ordinal()] = 0.0;
    out[Metric.CROSS_ENTROPY.ordinal()] = smoothed ? context.entropy() : Double.NaN;
  }

  /**
   * Measurements of the unsmoothed model {@code p_i = c_i / tot} over live positions 0..live-1.
   *
   * @param c the counts of p^(m) by position (Σ over live = tot; dead positions are 0)
   * @param tot the training-set size Σc (1 ≤ tot ≤ Integer.MAX_VALUE, so Σc² fits a long)
   * @param live the number of live positions
   * @param p0 p^(0) by position
   * @param deadP0 Σ of p^(0) over dead positions
   * @param c1 the counts of p^(1) by position, or null at generation 1 itself (then L1_P1 = 0)
   * @param tot1 Σc1
   * @param deadP1 Σ of p^(1) over dead positions
   * @param out receives the metrics, indexed by {@link Metric#ordinal()}
   */
  public static void unsmoothed(
      int[] c, long tot, int live, double[] p0, double deadP0, int[] c1, long tot1, double deadP1, double[] out) {
    double inv = 1.0 / tot;
    long sumSq = 0;
    int max = 0;
    int support = 0;
    double sumCLnC = 0;
    double l1p0 = 0;
    double missing = 0;
    for (int i = 0; i < live; i++) {
      int ci = c[i];
      sumSq += (long) ci * ci;
      max = Math.max(max, ci);
      if (ci > 0) {
        support++;
        sumCLnC += cLnC(ci);
      } else {
        missing += p0[i];
      }
      l1p0 += Math.abs(ci * inv - p0[i]);
    }
    double l1p1 = 0;
    if (c1 != null) {
      if (tot == tot1) {
        // Same denominator (e.g. fully synthetic): an exact integer sum, one division.
        long d = 0;
        for (int i = 0; i < live; i++) {
          d += Math.abs(c[i] - c1[i]);
        }
        l1p1 = d * inv + deadP1;
      } else {
        double inv1 = 1.0 / tot1;
        for (int i = 0; i < live; i++) {
          l1p1 += Math.abs(c[i] * inv - c1[i] * inv1);
        }
        l1p1 += deadP1;
      }
    }
    out[Metric.SIGMA.ordinal()] = sumSq * inv * inv;
    // A division, not max·(1/tot): the collapse test compares this with 1 − ε, and c·(1/c) can be
    // 1 − 2^-53 (e.g. c = 49), which would miss a Dirac mass at ε = 0.
    out[Metric.MAX_PROB.ordinal()] = (double) max / tot;
    out[Metric.SUPPORT.ordinal()] = support;
    out[Metric.ENTROPY.ordinal()] = support == 1 ? 0.0 : lnTotal(tot) - sumCLnC * inv;
    out[Metric.L1_P1.ordinal()] = l1p1;
    out[Metric.L1_P0.ordinal()] = l1p0 + deadP0;
    out[Metric.MISSING_MASS.ordinal()] = missing + deadP0;
    out[Metric.CROSS_ENTROPY.ordinal()] = Double.NaN;
  }

  /**
   * Measurements of the add-λ smoothed model {@code p_i = (c_i + λ)/(tot + λ s)} (MATH.md §2,
   * estimator smoothing) on the whole vocabulary, positions 0..vocabulary-1. Every token has
   * positive mass, so the support is s and the missing mass 0; the cross-entropy {@code −Σ p^(0) ln
   * p} is finite.
   *
   * @param p1 the smoothed p^(1) by position, or null at generation 1 itself
   */
  public static void smoothed(
      int[] c, long tot, int vocabulary, double lambda, double[] p0, double[] p1, double[] out) {
    double denominator = tot + lambda * vocabulary;
    double inv = 1.0 / denominator;
    double sigma = 0;
    int maxCount = 0;
    double entropy = 0;
    double l1p0 = 0;
    double l1p1 = 0;
    double crossEntropy = 0;
    for (int i = 0; i < vocabulary; i++) {
      double p = (c[i] + lambda) * inv;
      double lnP = Math.log(p);
      sigma += p * p;
      maxCount = Math.max(maxCount, c[i]);
      entropy -= p * lnP;
      l1p0 += Math.abs(p - p0[i]);
      if (p1 != null) {
        l1p1 += Math.abs(p - p1[i]);
      }
      crossEntropy -= p0[i] * lnP;
    }
    out[Metric.SIGMA.ordinal()] = sigma;
    out[Metric.MAX_PROB.ordinal()] = (maxCount + lambda) / denominator; // a division, as above
    out[Metric.SUPPORT.ordinal()] = vocabulary;
    out[Metric.ENTROPY.ordinal()] = vocabulary == 1 ? 0.0 : entropy;
    out[Metric.L1_P1.ordinal()] = l1p1;
    out[Metric.L1_P0.ordinal()] = l1p0;
    out[Metric.MISSING_MASS.ordinal()] = 0.0;
    out[Metric.CROSS_ENTROPY.ordinal()] = crossEntropy;
  }

  /** The smoothed model {@code (c_i + λ)/(tot + λ s)} written to {@code out[0..vocabulary)}. */
  public static void smoothedModel(int[] c, long tot, int vocabulary, double lambda, double[] out) {
    double inv = 1.0 / (tot + lambda * vocabulary);
    for (int i = 0; i < vocabulary; i++) {
      out[i] = (c[i] + lambda) * inv;
    }
  }
}
