package org.collapsefarm.sampling;

/**
 * Accurate logarithms of binomial and hypergeometric probabilities by Loader's saddle-point
 * expansion (C. Loader, "Fast and accurate computation of binomial probabilities", 2000; the method
 * of R's {@code dbinom}/{@code dhyper}). The naive {@code log C(n, x)} from log-factorials loses
 * about {@code n log n · 2^-53} to cancellation, i.e. whole digits for populations near 2^31 and
 * beyond; the deviance form below keeps the error at a few ulps of the result. Used only in the
 * rejection steps of the samplers, so it need not be fast.
 */
final class SaddlePoint {
  /** log(2π). */
  private static final double LOG_TWO_PI = Math.log(2 * Math.PI);
  /** Above this n the Stirling series below is used; below it, {@link #STIRLERR_TABLE}. */
  private static final int STIRLERR_TABLE_SIZE = 16;
  /** Coefficients of the Stirling series of log Γ: 1/12, 1/360, 1/1260, 1/1680, 1/1188. */
  private static final double S0 = 1.0 / 12;
  private static final double S1 = 1.0 / 360;
  private static final double S2 = 1.0 / 1260;
  private static final double S3 = 1.0 / 1680;
  private static final double S4 = 1.0 / 1188;
  /** stirlerr(n) for n = 0..15, from Kahan-summed log n! (error ~1 ulp of log n!, below 1e-14). */
  private static final double[] STIRLERR_TABLE = new double[STIRLERR_TABLE_SIZE];

  static {
    double sum = 0;
    double compensation = 0;
    for (int n = 1; n < STIRLERR_TABLE_SIZE; n++) {
      double y = Math.log(n) - compensation;
      double t = sum + y;
      compensation = (t - sum) - y;
      sum = t;
      STIRLERR_TABLE[n] = sum - ((n + 0.5) * Math.log(n) - n + 0.5 * LOG_TWO_PI);
    }
    STIRLERR_TABLE[0] = 0; // unused: stirlerr(0) is never taken (x = 0 and x = n are handled apart)
  }

  private SaddlePoint() {}

  /** stirlerr(n) = log n! − [(n + ½) log n − n + ½ log 2π], the error of Stirling's formula. */
  static double stirlerr(double n) {
    if (n < STIRLERR_TABLE_SIZE) {
      return STIRLERR_TABLE[(int) n];
    }
    double nn = n * n;
    if (n > 500) {
      return (S0 - S1 / nn) / n;
    }
    if (n > 80) {
      return (S0 - (S1 - S2 / nn) / nn) / n;
    }
    if (n > 35) {
      return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
    }
    return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
  }

  /** The deviance term bd0(x, m) = x log(x/m) + m − x, by a series when x is close to m. */
  static double bd0(double x, double m) {
    double d = x - m;
    if (Math.abs(d) < 0.1 * (x + m)) {
      double v = d / (x + m);
      double s = d * v;
      double ej = 2 * x * v;
      v *= v;
      for (int j = 1; ; j++) {
        ej *= v;
        double s1 = s + ej / (2 * j + 1);
        if (s1 == s) {
          return s1;
        }
        s = s1;
      }
    }
    return x * Math.log(x / m) + m - x;
  }

  /** log P(X = x) for X ~ Binomial(n, p), 0 ≤ x ≤ n, 0 < p < 1. */
  static double logBinomialProbability(double x, double n, double p) {
    double q = 1 - p;
    if (x == 0) {
      return n * Math.log1p(-p);
    }
    if (x == n) {
      return n * Math.log(p);
    }
    double lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
    return lc + 0.5 * (Math.log(n / (x * (n - x))) - LOG_TWO_PI);
  }

  /**
   * log P(X = x) for X ~ Hypergeometric(population N, successes K, draws n), written as R's dhyper:
   * binom(x; K, p)·binom(n − x; N − K, p) / binom(n; N, p) with p = n/N, every factor by Loader.
   */
  static double logHypergeometricProbability(double x, double population, double successes,
      double draws) {
    double p = draws / population;
    return logBinomialProbability(x, successes, p)
        + logBinomialProbability(draws - x, population - successes, p)
        - logBinomialProbability(draws, population, p);
  }
}
