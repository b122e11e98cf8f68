package org.collapsefarm.theory;

import org.collapsefarm.ParameterException;
import org.collapsefarm.family.Estimator;

/**
 * The one-dimensional Gaussian under the paradigms of MATH.md §7 with an exact one-step expectation
 * (iterated here): {@code E σ²_m} and {@code E(μ_m − μ_0)²} per generation, from the truth N(μ_0, σ_0²).
 * Each step is linear in (σ², d) given the previous model, so the expectations iterate exactly. The
 * estimator divides the scatter by c(N) = N (MLE) or N − 1 (unbiased); MATH.md states the MLE case,
 * the unbiased one follows from the same scatter expectations.
 *
 * <ul>
 *   <li>accumulate (generation m fits the pool of N_m = n + (m−1)a points, a = round(k·n) added per
 *       generation): {@code E S_{m+1} = E S_m + E σ²_m (a − 1 + N_m/N_{m+1})},
 *       {@code E(μ_{m+1} − μ_0)² = E(μ_m − μ_0)² + a E σ²_m/N_{m+1}²}; with MLE and a = n,
 *       {@code E σ²_m = σ_0² ∏_{j≤m}(1 − 1/(n j²))} as in MATH.md;
 *   <li>real anchor (k fresh real points + n synthetic, M = k + n; generation 1 fits M real points),
 *       with d = (μ − μ_0)²: {@code E S′ = (k − 1 + n/M) σ_0² + (n − 1 + k/M) σ² + (kn/M) d},
 *       {@code E d′ = (k σ_0² + n σ²)/M² + (n/M)² d};
 *   <li>fixed real set (partially synthetic: the same N real points, mean x̄_R, scatter S_R, every
 *       generation, plus n synthetic; M = N + n), with d = (μ − x̄_R)²:
 *       {@code E S′ = S_R + (n − 1 + N/M) σ² + (Nn/M) d}, {@code E d′ = n σ²/M² + (n/M)² d}; over R,
 *       {@code E S_R = (N − 1) σ_0²}, and {@code E(μ_m − μ_0)² = E d_m + σ_0²/N} (μ_m − x̄_R has mean 0
 *       given R).
 * </ul>
 */
public final class GaussianMoments {
  public static final String SOURCE_ACCUMULATE = "MATH.md 7 Gaussian accumulate";
  public static final String SOURCE_ANCHOR = "MATH.md 7 Gaussian real anchor";
  public static final String SOURCE_FIXED_REAL = "MATH.md 7 Gaussian fixed real corpus";

  /**
   * Expectations per generation m = 0..M (index 0 is the truth).
   *
   * @param variance E σ²_m
   * @param meanSqError E(μ_m − μ_0)²
   */
  public record Curves(double[] variance, double[] meanSqError) {}

  private GaussianMoments() {}

  /** Accumulate with a = round(k·n) points added per generation. */
  public static Curves accumulate(double variance0, int n, int added, Estimator estimator, int maxM) {
    check(variance0, n, maxM);
    ParameterException.requireAtLeast("rate", added, 1);
    Curves c = start(variance0, maxM);
    double pool = n;
    if (maxM >= 1) {
      c.variance[1] = variance0 * (n - 1.0) / estimator.divisor(n);
      c.meanSqError[1] = variance0 / n;
    }
    for (int m = 1; m < maxM; m++) {
      double next = pool + added;
      double v = c.variance[m];
      c.variance[m + 1] = v * (estimator.divisor((long) pool) + added - 1.0 + pool / next)
          / estimator.divisor((long) next);
      c.meanSqError[m + 1] = c.meanSqError[m] + added * v / (next * next);
      pool = next;
    }
    return c;
  }

  /** Fully synthetic with k fresh real points added to every generation's n synthetic ones. */
  public static Curves realAnchor(double variance0, int n, int k, Estimator estimator, int maxM) {
    check(variance0, n, maxM);
    ParameterException.requireAtLeast("real-anchor", k, 1);
    Curves c = start(variance0, maxM);
    double big = (double) n + k;
    double divisor = estimator.divisor(n + k);
    if (maxM >= 1) {
      c.variance[1] = variance0 * (big - 1.0) / divisor;
      c.meanSqError[1] = variance0 / big;
    }
    for (int m = 1; m < maxM; m++) {
      double v = c.variance[m];
      double d = c.meanSqError[m];
      c.variance[m + 1] = ((k - 1.0 + n / big) * variance0 + (n - 1.0 + k / big) * v + (k * n / big) * d) / divisor;
      c.meanSqError[m + 1] = (k * variance0 + n * v) / (big * big) + (n / big) * (n / big) * d;
    }
    return c;
  }

  /** Partially synthetic: the same N real points every generation plus n synthetic ones. */
  public static Curves fixedReal(double variance0, int realN, int n, Estimator estimator, int maxM) {
    check(variance0, n, maxM);
    ParameterException.requireAtLeast("real-n", realN, 1);
    Curves c = start(variance0, maxM);
    double big = (double) realN + n;
    double divisor = estimator.divisor(realN + n);
    double scatterR = (realN - 1.0) * variance0;
    double d = 0; // E(μ_m − x̄_R)²: 0 at m = 1, which fits R itself
    if (maxM >= 1) {
      c.variance[1] = scatterR / estimator.divisor(realN);
      c.meanSqError[1] = variance0 / realN;
    }
    for (int m = 1; m < maxM; m++) {
      double v = c.variance[m];
      c.variance[m + 1] = (scatterR + (n - 1.0 + realN / big) * v + (realN * n / big) * d) / divisor;
      d = n * v / (big * big) + (n / big) * (n / big) * d;
      c.meanSqError[m + 1] = d + variance0 / realN;
    }
    return c;
  }

  private static void check(double variance0, int n, int maxM) {
    ParameterException.requireAbove("variance", variance0, 0.0);
    ParameterException.requireAtLeast("n", n, 1);
    ParameterException.requireAtLeast("max-generations", maxM, 0);
  }

  private static Curves start(double variance0, int maxM) {
    Curves c = new Curves(new double[maxM + 1], new double[maxM + 1]);
    c.variance[0] = variance0;
    return c;
  }
}
