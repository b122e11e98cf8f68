package org.collapsefarm.sampling;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact Hypergeometric variates — the number of successes among {@code draws} items drawn without
 * replacement from {@code population} items of which {@code successes} are successes — with new
 * parameters on every call and no allocation (the kernel of {@link MultivariateHypergeometricSampler}).
 *
 * <p>After the symmetries X(N, K, n) = K − X(N, K, N − n) and X(N, K, n) = n − X(N, N − K, n), which
 * make n ≤ N/2 and K ≤ N/2 (so the support is [0, min(n, K)]):
 *
 * <ul>
 *   <li>mean nK/N &lt; {@value #INVERSION_MAX_MEAN}: HIN, sequential inversion from 0 with the recurrence
 *       f(x+1) = f(x)·(K − x)(n − x) / ((x + 1)(N − K − n + x + 1)), f(0) by Loader's saddle point;
 *   <li>otherwise: HRUA, Stadlober's ratio-of-uniforms with the table-mountain hat of half-width
 *       2√(2/e)·√(σ² + ½) + 3 − 2√(3/e) (E. Stadlober, "The ratio of uniforms approach for generating
 *       discrete random variates", J. Comput. Appl. Math. 31, 1990) — the hat bounds the whole
 *       support (no truncation at a number of standard deviations), and the acceptance test uses
 *       log f(x) − log f(mode) by Loader's saddle point ({@link SaddlePoint}), accurate at any size.
 * </ul>
 */
public final class HypergeometricSampler {
  /** Below this mean, inversion (cost ~ mean); at or above, ratio of uniforms (cost O(1)). */
  static final double INVERSION_MAX_MEAN = 10;
  /** f(0) as a product of at most this many ratios (relative error ≤ this × 2^-53), else Loader. */
  private static final long PRODUCT_MAX_TERMS = 64;
  /** Stadlober's hat constants: 2√(2/e) and 3 − 2√(3/e). */
  private static final double HAT_D1 = 2 * Math.sqrt(2 / Math.E);
  private static final double HAT_D2 = 3 - 2 * Math.sqrt(3 / Math.E);

  private HypergeometricSampler() {}

  /**
   * One exact Hypergeometric(population, successes, draws) draw.
   *
   * @param rng the source of uniforms
   * @param population N ≥ 0
   * @param successes K in [0, N]
   * @param draws n in [0, N]
   * @return the number of successes drawn, in [max(0, n + K − N), min(n, K)]
   * @throws IllegalArgumentException if the parameters are out of range
   */
  public static long sample(UniformRandomProvider rng, long population, long successes,
      long draws) {
    if (population < 0) {
      throw new IllegalArgumentException("population must be >= 0, got " + population);
    }
    if (successes < 0 || successes > population) {
      throw new IllegalArgumentException(
          "successes must be in [0, population = " + population + "], got " + successes);
    }
    if (draws < 0 || draws > population) {
      throw new IllegalArgumentException(
          "draws must be in [0, population = " + population + "], got " + draws);
    }
    return draw(rng, population, successes, draws);
  }

  /** As {@link #sample} without the argument checks (0 ≤ K, n ≤ N are preconditions). */
  static long draw(UniformRandomProvider rng, long population, long successes, long draws) {
    long n = draws;
    long k = successes;
    boolean complementDraws = n > population - n;
    if (complementDraws) {
      n = population - n;
    }
    boolean complementSuccesses = k > population - k;
    if (complementSuccesses) {
      k = population - k;
    }
    long x = drawLowerHalf(rng, population, k, n);
    if (complementSuccesses) {
      x = n - x;
    }
    if (complementDraws) {
      x = successes - x;
    }
    return x;
  }

  /** The case n ≤ N/2, K ≤ N/2. */
  private static long drawLowerHalf(UniformRandomProvider rng, long population, long k, long n) {
    if (n == 0 || k == 0) {
      return 0;
    }
    double mean = (double) n * k / population;
    return mean < INVERSION_MAX_MEAN ? inversion(rng, population, k, n, mean)
        : ratioOfUniforms(rng, population, k, n, mean);
  }

  /**
   * HIN: inversion from 0 (support [0, min(n, K)] here). By Markov's inequality P(X ≥ 1) ≤ E[X], so
   * u &lt; 1 − mean is X = 0 before f(0) is computed; f(0) = C(N − K, n)/C(N, n) is a product of
   * min(n, K) ratios when that is short, Loader's saddle point otherwise.
   */
  private static long inversion(UniformRandomProvider rng, long population, long k, long n,
      double mean) {
    double zeroSqueeze = 1 - mean;
    long max = Math.min(n, k);
    double failuresLeft = population - k - n; // N − K − n ≥ 0 here
    double f0 = -1; // f(0), computed on first need
    while (true) {
      double u = rng.nextDouble();
      if (u < zeroSqueeze) {
        return 0;
      }
      if (f0 < 0) {
        f0 = probabilityOfZero(population, k, n, max);
      }
      double f = f0;
      long x = 0;
      // Restart if u outruns the O(ulp) rounding deficit of the pmf's sum (exact conditioning).
      while (u > f) {
        u -= f;
        if (x == max) {
          x = -1;
          break;
        }
        f *= (double) (k - x) * (n - x) / ((x + 1) * (failuresLeft + x + 1));
        x++;
        if (f <= 0) {
          x = -1;
          break;
        }
      }
      if (x >= 0) {
        return x;
      }
    }
  }

  /** f(0) = Π_{i &lt; m} (N − m' − i)/(N − i), m = min(n, K), m' = max(n, K), or by Loader if m is long. */
  private static double probabilityOfZero(long population, long k, long n, long min) {
    if (min > PRODUCT_MAX_TERMS) {
      return Math.exp(SaddlePoint.logHypergeometricProbability(0, population, k, n));
    }
    long other = Math.max(n, k);
    double f = 1;
    for (long i = 0; i < min; i++) {
      f *= (double) (population - other - i) / (population - i);
    }
    return f;
  }

  /** HRUA (Stadlober 1990) with an untruncated hat, for mean ≥ {@value #INVERSION_MAX_MEAN}. */
  private static long ratioOfUniforms(UniformRandomProvider rng, long population, long k, long n,
      double mean) {
    double nd = population;
    double variance = mean * (1 - k / nd) * (nd - n) / (nd - 1);
    double a = mean + 0.5;
    double h = HAT_D1 * Math.sqrt(variance + 0.5) + HAT_D2;
    long mode = (long) Math.floor((n + 1.0) * (k + 1.0) / (nd + 2));
    // log f(x) − log f(mode) needs only the x-dependent factors of dhyper's product form.
    double p = n / nd;
    double failures = nd - k;
    double logModeKernel = logKernel(mode, k, failures, n, p);
    double bound = Math.min(n, k) + 1.0;
    while (true) {
      double u = rng.nextDouble();
      double v = rng.nextDouble();
      double xd = a + h * (v - 0.5) / u; // u = 0 gives ±infinity or NaN: rejected below
      if (!(xd >= 0 && xd < bound)) {
        continue;
      }
      long x = (long) xd;
      double t = logKernel(x, k, failures, n, p) - logModeKernel;
      // Squeezes from 1 − 1/u ≤ log u ≤ u − 1 (as in Stadlober's HRUA*): accept if 2 log u ≤ t.
      if (u * (4 - u) - 3 <= t) {
        return x;
      }
      if (u * (u - t) >= 1) {
        continue;
      }
      if (2 * Math.log(u) <= t) {
        return x;
      }
    }
  }

  /**
   * log[binom(x; K, p)·binom(n − x; N − K, p)]: log P(X = x) up to the constant log binom(n; N, p)
   * (R's dhyper factorisation), which cancels in ratios of probabilities.
   */
  private static double logKernel(long x, double k, double failures, long n, double p) {
    return SaddlePoint.logBinomialProbability(x, k, p)
        + SaddlePoint.logBinomialProbability(n - x, failures, p);
  }
}
