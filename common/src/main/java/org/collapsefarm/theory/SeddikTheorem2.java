package org.collapsefarm.theory;

import org.collapsefarm.ParameterException;

/**
 * [S] Theorem 2 for the partially synthetic recursion (MATH.md §4): with a fixed real corpus
 * {@code R ~ Mult(N, p)} and {@code p^(m) = (R + Mult(n, p^(m−1)))/(N+n)} for m >= 2,
 *
 * <pre>
 *   S_1 = 1/N + (1 − 1/N) S_0,
 *   S_m = a + b·S_0 + β·S_{m−1}   (m >= 2),
 *   a = (N + 3n)/(N+n)²,  b = (N−1)(N+2n)/(N+n)²,  β = n(n−1)/(N+n)².
 * </pre>
 *
 * This recursion is the derivation behind [S] eq. 9 and is the farm's value of Theorem 2; eq. 9 as
 * printed is {@link SeddikEq9}. (Derivation check: {@code E Σ R_i p_i^(m)} stays at
 * {@code 1 + (N−1)S_0} for every m >= 1, which gives a and b.)
 *
 * @param s0 S_0 = Σ p_i²
 * @param realN N, the real corpus size
 * @param n the synthetic sample size per generation
 */
public record SeddikTheorem2(double s0, int realN, int n) {
  public static final String SOURCE = "Seddik Thm 2 (recursion)";

  public SeddikTheorem2 {
    ParameterException.requireAtLeast("real-n", realN, 1);
    ParameterException.requireAtLeast("n", n, 1);
    if (!(s0 > 0.0 && s0 <= 1.0)) {
      throw new ParameterException("probs", "S_0 must be in (0, 1], got " + s0);
    }
  }

  private double total2() {
    double t = (double) realN + n;
    return t * t;
  }

  /** {@code a = (N + 3n)/(N+n)²}. */
  public double a() {
    return (realN + 3.0 * n) / total2();
  }

  /** {@code b = (N−1)(N+2n)/(N+n)²}. */
  public double b() {
    return (realN - 1.0) * (realN + 2.0 * n) / total2();
  }

  /** {@code β = n(n−1)/(N+n)²}. */
  public double beta() {
    return n * (n - 1.0) / total2();
  }

  /** {@code S_1 = 1/N + (1 − 1/N) S_0}. */
  public double first() {
    return 1.0 / realN + (1.0 - 1.0 / realN) * s0;
  }

  /** {@code S_m} for m = 1..maxM by the recursion; index 0 holds S_0 (the true p). */
  public double[] expectedSigma(int maxM) {
    return AffineRecursion.iterate(s0, a() + b() * s0, beta(), maxM, first());
  }
}
