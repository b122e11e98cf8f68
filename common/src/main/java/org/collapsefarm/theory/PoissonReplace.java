package org.collapsefarm.theory;

import org.collapsefarm.ParameterException;

/**
 * Poisson(λ_0) under fully synthetic training, MLE (MATH.md §7; Suresh et al., arXiv 2412.17646,
 * Theorem 2): nλ_m is a critical Galton–Watson process with Poisson(1) offspring. Exact:
 * {@code E λ_m = λ_0}, {@code Var λ_m = m λ_0/n}, and with {@code g(x) = 1 − e^{−x}}, {@code g_1 = 1},
 * {@code g_{m+1} = g(g_m)}: {@code P(λ_m ≠ 0) = 1 − exp(−n λ_0 g_m)} (λ = 0 is absorbing).
 *
 * @param rate0 λ_0
 * @param n the sample size per generation
 */
public record PoissonReplace(double rate0, int n) {
  public static final String SOURCE = "MATH.md 7 Poisson replace (Suresh Thm 2)";

  public PoissonReplace {
    ParameterException.requireAbove("rate", rate0, 0.0);
    ParameterException.requireAtLeast("n", n, 1);
  }

  /** {@code Var λ_m = m λ_0/n}. */
  public double rateVariance(int m) {
    return m * rate0 / n;
  }

  /** {@code P(λ_m ≠ 0)} for m = 0..maxM (1 at m = 0). */
  public double[] survival(int maxM) {
    ParameterException.requireAtLeast("max-generations", maxM, 0);
    double[] s = new double[maxM + 1];
    s[0] = 1.0;
    double g = 1.0;
    for (int m = 1; m <= maxM; m++) {
      s[m] = -Math.expm1(-n * rate0 * g);
      g = -Math.expm1(-g);
    }
    return s;
  }
}
