package org.collapsefarm.sampling;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact Binomial(trials, p) variates with a new p on every call and no allocation — the kernel of
 * the conditional-binomial multinomial ({@link MultinomialSampler}). Commons RNG has no binomial
 * sampler, and Commons Statistics' {@code BinomialDistribution.createSampler} (inverse CDF) builds
 * an object per parameter set.
 *
 * <p>Method, after the symmetry {@code X(n, p) = n − X(n, 1 − p)} that makes {@code p ≤ 1/2}:
 *
 * <ul>
 *   <li>mean {@code np <} {@value #INVERSION_MAX_MEAN}: BINV, sequential inversion from 0 with the
 *       recurrence f(x+1) = f(x)·((n+1)p/q/(x+1) − p/q) (Kachitvichyanukul &amp; Schmeiser, "Binomial
 *       random variate generation", CACM 31, 1988). Expected cost: np + 1 loop steps and one
 *       {@code exp}, skipped with probability ≥ 1 − np by a squeeze at 0.
 *   <li>otherwise: BTRS, transformed rejection with squeeze (W. Hörmann, "The generation of binomial
 *       random variates", J. Stat. Comput. Simul. 46, 1993), whose constants are valid for np ≥ 10.
 *       The acceptance test compares with log f(k) − log f(mode) computed by Loader's saddle-point
 *       expansion ({@link SaddlePoint}) so it stays accurate for trials up to 2^31 − 1.
 * </ul>
 *
 * Both are exact in distribution up to double rounding of the probabilities.
 */
public final class BinomialSampler {
  /**
   * Below this mean, inversion; at or above it, BTRS. Hörmann's BTRS constants are proved for
   * np ≥ 10, and inversion's cost grows with the mean, so 10 is the natural switch.
   */
  static final double INVERSION_MAX_MEAN = 10;
  /** Hörmann (1993) BTRS: the region {@code |u| ≤ 0.5 − 0.07} where the squeeze {@code v ≤ v_r} holds. */
  private static final double BTRS_SQUEEZE_US = 0.07;

  private BinomialSampler() {}

  /**
   * One exact Binomial(trials, p) draw.
   *
   * @param rng the source of uniforms
   * @param trials number of trials, ≥ 0
   * @param p success probability in [0, 1]
   * @return the number of successes, in [0, trials]
   * @throws IllegalArgumentException if {@code trials < 0} or p is not in [0, 1]
   */
  public static int sample(UniformRandomProvider rng, int trials, double p) {
    if (trials < 0) {
      throw new IllegalArgumentException("trials must be >= 0, got " + trials);
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0, 1], got " + p);
    }
    return draw(rng, trials, p);
  }

  /** As {@link #sample} without the argument checks: trials ≥ 0 and 0 ≤ p ≤ 1 are preconditions. */
  static int draw(UniformRandomProvider rng, int trials, double p) {
    // 1 - p is exact for p in [1/2, 1] (Sterbenz), so the symmetry loses nothing.
    if (p > 0.5) {
      return trials - drawLowerHalf(rng, trials, 1 - p);
    }
    return drawLowerHalf(rng, trials, p);
  }

  /** Binomial(n, p) for 0 ≤ p ≤ 1/2. */
  private static int drawLowerHalf(UniformRandomProvider rng, int n, double p) {
    if (n == 0 || p == 0) {
      return 0;
    }
    double mean = n * p;
    return mean < INVERSION_MAX_MEAN ? inversion(rng, n, p, mean) : btrs(rng, n, p, mean);
  }

  /**
   * BINV: inversion from 0. P(0) = q^n = exp(n log1p(−p)) ≥ e^{−14} here (np &lt; 10, p ≤ ½). Since
   * q^n ≥ 1 − np (Bernoulli's inequality), u &lt; 1 − np is X = 0 without the exp/log1p: for the
   * many tiny means of a long support this skips the only transcendental call.
   */
  private static int inversion(UniformRandomProvider rng, int n, double p, double mean) {
    double zeroSqueeze = 1 - mean;
    double f0 = -1; // q^n, computed on first need
    double s = 0;
    double a = 0;
    while (true) {
      double u = rng.nextDouble();
      if (u < zeroSqueeze) {
        return 0;
      }
      if (f0 < 0) {
        double q = 1 - p;
        s = p / q;
        a = (n + 1.0) * s;
        f0 = Math.exp(n * Math.log1p(-p));
      }
      double f = f0;
      int x = 0;
      // The pmf sums to 1 only up to rounding: if u outruns it (f underflows to 0 or x passes n), the
      // draw restarts, which is exact conditioning on not landing in that O(ulp) gap.
      while (u > f) {
        u -= f;
        x++;
        f *= a / x - s;
        if (f <= 0 || x > n) {
          x = -1;
          break;
        }
      }
      if (x >= 0) {
        return x;
      }
    }
  }

  /** BTRS (Hörmann 1993, algorithm BTRS), for 0 &lt; p ≤ ½ and np ≥ 10. */
  private static int btrs(UniformRandomProvider rng, int n, double p, double mean) {
    double q = 1 - p;
    double spq = Math.sqrt(mean * q);
    double b = 1.15 + 2.53 * spq;
    double a = -0.0873 + 0.0248 * b + 0.01 * p;
    double c = mean + 0.5;
    double vr = 0.92 - 4.2 / b;
    // Needed only on the rare non-squeeze path (about 1 in 7 draws): computed lazily.
    double alpha = 0;
    double logModeProbability = 0;
    int mode = -1;
    while (true) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble();
      double us = 0.5 - Math.abs(u);
      // us = 0 (u = -1/2) gives -infinity, rejected by the range test below.
      double kd = Math.floor((2 * a / us + b) * u + c);
      if (!(kd >= 0 && kd <= n)) {
        continue;
      }
      int k = (int) kd;
      if (us >= BTRS_SQUEEZE_US && v <= vr) {
        return k;
      }
      if (mode < 0) {
        alpha = (2.83 + 5.1 / b) * spq;
        mode = (int) Math.floor((n + 1.0) * p);
        logModeProbability = SaddlePoint.logBinomialProbability(mode, n, p);
      }
      v = Math.log(v * alpha / (a / (us * us) + b));
      if (v <= SaddlePoint.logBinomialProbability(k, n, p) - logModeProbability) {
        return k;
      }
    }
  }
}
