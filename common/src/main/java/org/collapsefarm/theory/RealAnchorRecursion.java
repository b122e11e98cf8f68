package org.collapsefarm.theory;

import org.collapsefarm.ParameterException;

/**
 * The real anchor under fully synthetic training (MATH.md §6): every generation trains on n
 * synthetic samples from the previous model plus k fresh real samples, {@code M = n + k}
 * (generation 1 on M real samples). Every {@code E p^(m) = p^(0)} and {@code S^A_m = E σ_m} follows
 * an exact linear recursion:
 *
 * <pre>
 *   S^A_1     = 1/M + (1 − 1/M) S_0,
 *   S^A_{m+1} = [k(1 − S_0) + n + k² S_0 + 2kn S_0]/M² + (n² − n)/M² · S^A_m,
 *   S^A_∞     = S_0 + (1 − S_0)·M/(n + 2nk + k²).
 * </pre>
 *
 * (Jangjoo, Marsili & Roudi 2025: one real point per generation prevents collapse; the model then
 * fluctuates around p^(0) like a Dirichlet(2k·p) law instead of being absorbed.)
 *
 * @param s0 S_0 = Σ p_i², in (0, 1]
 * @param n the synthetic sample size per generation, >= 1
 * @param k the real anchor, fresh real samples per generation, >= 1
 */
public record RealAnchorRecursion(double s0, int n, int k) {
  public static final String SOURCE = "MATH.md 6 real anchor (S^A_m)";

  public RealAnchorRecursion {
    ParameterException.requireAtLeast("n", n, 1);
    ParameterException.requireAtLeast("real-anchor", k, 1);
    if (!(s0 > 0.0 && s0 <= 1.0)) {
      throw new ParameterException("probs", "S_0 must be in (0, 1], got " + s0);
    }
  }

  /** The training-set size {@code M = n + k}. */
  public double trainingSize() {
    return (double) n + k;
  }

  /** The constant of the recursion, {@code [k(1 − S_0) + n + k² S_0 + 2kn S_0]/M²}. */
  public double constant() {
    double big = trainingSize();
    return (k * (1.0 - s0) + n + (double) k * k * s0 + 2.0 * k * n * s0) / (big * big);
  }

  /** The slope of the recursion, {@code (n² − n)/M²}. */
  public double slope() {
    double big = trainingSize();
    return n * (n - 1.0) / (big * big);
  }

  /** {@code S^A_1 = 1/M + (1 − 1/M) S_0} (generation 1 fits M real samples). */
  public double first() {
    double big = trainingSize();
    return 1.0 / big + (1.0 - 1.0 / big) * s0;
  }

  /** {@code S^A_m} for m = 0..maxM; index 0 holds S_0 (the true p). */
  public double[] expectedSigma(int maxM) {
    return AffineRecursion.iterate(s0, constant(), slope(), maxM, first());
  }

  /** {@code S^A_∞ = S_0 + (1 − S_0)·M/(n + 2nk + k²)}. */
  public double stationary() {
    return s0 + (1.0 - s0) * trainingSize() / (n + 2.0 * n * k + (double) k * k);
  }
}
