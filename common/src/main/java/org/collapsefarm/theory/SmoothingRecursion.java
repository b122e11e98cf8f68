package org.collapsefarm.theory;

import org.collapsefarm.ParameterException;

/**
 * Add-λ estimator smoothing under fully synthetic training (MATH.md §6): {@code p^(m) = (c + λ)/L}
 * over the whole vocabulary of s tokens, {@code L = n + λs}, with c ~ Mult(n, p^(m−1)). Then
 * {@code S^λ_m = E σ_m} follows the exact linear recursion
 *
 * <pre>
 *   S^λ_0 = S_0,   S^λ_m = A + B·S^λ_{m−1},
 *   A = (n + 2nλ + λ² s)/L²,   B = n(n − 1)/L²,   S^λ_∞ = A/(1 − B),
 * </pre>
 *
 * and the model drifts to the uniform distribution ({@code E p^(m) → 1/s}): smoothing keeps every
 * model off the Dirac masses but forgets p^(0).
 *
 * @param s0 S_0 = Σ p_i², in (0, 1]
 * @param n the synthetic sample size per generation, >= 1
 * @param lambda the smoothing λ > 0
 * @param vocabulary s, the whole vocabulary the smoothed model spreads over
 */
public record SmoothingRecursion(double s0, int n, double lambda, int vocabulary) {
  public static final String SOURCE = "MATH.md 6 add-lambda smoothing (S^lambda_m)";

  public SmoothingRecursion {
    ParameterException.requireAtLeast("n", n, 1);
    ParameterException.requireAbove("smoothing", lambda, 0.0);
    ParameterException.requireAtLeast("vocabulary", vocabulary, 1);
    if (!(s0 > 0.0 && s0 <= 1.0)) {
      throw new ParameterException("probs", "S_0 must be in (0, 1], got " + s0);
    }
  }

  private double total() {
    return n + lambda * vocabulary;
  }

  /** {@code A = (n + 2nλ + λ² s)/L²}. */
  public double a() {
    double l = total();
    return (n + 2.0 * n * lambda + lambda * lambda * vocabulary) / (l * l);
  }

  /** {@code B = n(n − 1)/L²}. */
  public double b() {
    double l = total();
    return n * (n - 1.0) / (l * l);
  }

  /** {@code S^λ_m} for m = 0..maxM; index 0 holds S_0. */
  public double[] expectedSigma(int maxM) {
    return AffineRecursion.iterate(s0, a(), b(), maxM);
  }

  /** {@code S^λ_∞ = A/(1 − B)}. */
  public double stationary() {
    return a() / (1.0 - b());
  }
}
