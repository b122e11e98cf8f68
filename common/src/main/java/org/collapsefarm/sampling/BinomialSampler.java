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
 *       The acceptance test compares with log f(k) − log f(mode): for trials below
 *       {@value #LOG_FACTORIAL_TABLE_SIZE} from a table of log j! ({@link #LOG_FACTORIAL}) as
 *       log n!/(k!(n−k)!) differences plus (k − mode)·log(p/q), beyond it by Loader's saddle-point
 *       expansion ({@link SaddlePoint}), which stays accurate for trials up to 2^31 − 1.
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
  /**
   * Trials below this use {@link #LOG_FACTORIAL} in BTRS's acceptance test. Its largest entry,
   * log((2^16 − 1)!) ≈ 6.6e5, has an ulp of 1.2e-10, so the table's log-pmf ratio is off by at most
   * a few 1e-10 (relative error of the acceptance probability), far below what any test of the
   * distribution can see; the saddle point costs two deviance terms (a {@code log} or a series each)
   * per evaluation, the table four loads. 2^16 doubles = 512 KiB, of which a run with trials ≤ n
   * touches only the first n.
   */
  static final int LOG_FACTORIAL_TABLE_SIZE = 1 << 16;
  /** LOG_FACTORIAL[j] = log j!, Kahan-summed log 1 + … + log j (within about an ulp). */
  private static final double[] LOG_FACTORIAL = logFactorials(LOG_FACTORIAL_TABLE_SIZE);
  /**
   * LOG[j] = log j for j &lt; {@value #LOG_FACTORIAL_TABLE_SIZE} (LOG[0] unused): for p = c/C with
   * integer c &lt; C below the table size, log q = log(C − c) − log C and log(p/q) = log c − log(C − c)
   * are two loads instead of a logarithm ({@link #drawRatio}).
   */
  private static final double[] LOG = logs(LOG_FACTORIAL_TABLE_SIZE);

  private BinomialSampler() {}

  private static double[] logFactorials(int size) {
    double[] table = new double[size];
    double sum = 0;
    double compensation = 0;
    for (int j = 2; j < size; j++) {
      double y = Math.log(j) - compensation;
      double t = sum + y;
      compensation = (t - sum) - y;
      sum = t;
      table[j] = sum;
    }
    return table;
  }

  private static double[] logs(int size) {
    double[] table = new double[size];
    for (int j = 1; j < size; j++) {
      table[j] = Math.log(j);
    }
    return table;
  }

  /** log j! for 0 ≤ j &lt; {@link #LOG_FACTORIAL_TABLE_SIZE} (package-private for the tests). */
  static double logFactorial(int j) {
    return LOG_FACTORIAL[j];
  }

  /**
   * log(1 + x) for −1 &lt; x ≤ 0 by Goldberg's formula (D. Goldberg, "What every computer scientist
   * should know about floating-point arithmetic", 1991, Theorem 4): with u = 1 + x rounded,
   * log(u)·x/(u − 1) is within a few ulps of log1p(x). It uses the JIT's intrinsic {@code Math.log};
   * {@code Math.log1p} runs StrictMath's software fdlibm, which was 11 % of the kernel's time (JFR,
   * BENCHMARKS.md "Kernel").
   */
  static double log1p(double x) {
    double u = 1 + x;
    return u == 1 ? x : Math.log(u) * x / (u - 1);
  }

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
    return mean < INVERSION_MAX_MEAN
        ? inversion(rng, n, p, mean, Double.NaN)
        : btrs(rng, n, p, mean, Double.NaN);
  }

  /**
   * One exact Binomial(trials, count/total) draw for integers 0 ≤ count ≤ total, total ≥ 1 — the
   * conditional binomials of a multinomial from integer counts ({@link
   * MultinomialSampler#sampleFromCounts}). Same methods and distribution as {@link #draw}; below
   * {@value #LOG_FACTORIAL_TABLE_SIZE} the logarithms of q and p/q come from {@link #LOG}.
   */
  static int drawRatio(UniformRandomProvider rng, int trials, int count, long total) {
    if (total >= LOG_FACTORIAL_TABLE_SIZE) {
      return draw(rng, trials, (double) count / total);
    }
    int t = (int) total;
    // Symmetry on the integers: X(n, c/t) = n − X(n, (t − c)/t).
    if (2 * count > t) {
      return trials - drawRatioLowerHalf(rng, trials, t - count, t);
    }
    return drawRatioLowerHalf(rng, trials, count, t);
  }

  /** Binomial(n, c/t) for 0 ≤ 2c ≤ t &lt; {@value #LOG_FACTORIAL_TABLE_SIZE}. */
  private static int drawRatioLowerHalf(UniformRandomProvider rng, int n, int c, int t) {
    if (n == 0 || c == 0) {
      return 0;
    }
    double p = (double) c / t;
    double mean = n * p;
    return mean < INVERSION_MAX_MEAN
        ? inversion(rng, n, p, mean, LOG[t - c] - LOG[t])
        : btrs(rng, n, p, mean, LOG[c] - LOG[t - c]);
  }

  /**
   * BINV: inversion from 0. P(0) = q^n = exp(n log1p(−p)) ≥ e^{−14} here (np &lt; 10, p ≤ ½). Since
   * q^n ≥ 1 − np (Bernoulli's inequality), u &lt; 1 − np is X = 0 without the exp/log1p: for the
   * many tiny means of a long support this skips the only transcendental call.
   *
   * @param logQ log(1 − p) if known, else NaN (then computed on first need)
   */
  private static int inversion(UniformRandomProvider rng, int n, double p, double mean, double logQ) {
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
        f0 = Math.exp(n * (Double.isNaN(logQ) ? log1p(-p) : logQ));
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

  /**
   * BTRS (Hörmann 1993, algorithm BTRS), for 0 &lt; p ≤ ½ and np ≥ 10.
   *
   * @param knownLogOdds log(p/q) if known, else NaN (then computed on first need)
   */
  private static int btrs(UniformRandomProvider rng, int n, double p, double mean, double knownLogOdds) {
    double q = 1 - p;
    double spq = Math.sqrt(mean * q);
    double b = 1.15 + 2.53 * spq;
    double a = -0.0873 + 0.0248 * b + 0.01 * p;
    double c = mean + 0.5;
    double vr = 0.92 - 4.2 / b;
    // Needed only on the rare non-squeeze path (about 1 in 7 draws): computed lazily.
    double alpha = 0;
    double logModeProbability = 0; // saddle point: log f(mode)
    double logModeFactorials = 0; // table: log mode! + log (n − mode)!
    double logOdds = 0;
    boolean table = n < LOG_FACTORIAL_TABLE_SIZE;
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
        if (table) {
          // log f(k) − log f(mode) = log mode!(n−mode)! − log k!(n−k)! + (k − mode)·log(p/q).
          logModeFactorials = LOG_FACTORIAL[mode] + LOG_FACTORIAL[n - mode];
          logOdds = Double.isNaN(knownLogOdds) ? Math.log(p / q) : knownLogOdds;
        } else {
          logModeProbability = SaddlePoint.logBinomialProbability(mode, n, p);
        }
      }
      v = Math.log(v * alpha / (a / (us * us) + b));
      double logRatio = table
          ? logModeFactorials - LOG_FACTORIAL[k] - LOG_FACTORIAL[n - k] + (k - mode) * logOdds
          : SaddlePoint.logBinomialProbability(k, n, p) - logModeProbability;
      if (v <= logRatio) {
        return k;
      }
    }
  }
}
