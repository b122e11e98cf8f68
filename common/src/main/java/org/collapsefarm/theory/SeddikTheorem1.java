package org.collapsefarm.theory;

import org.collapsefarm.ParameterException;

/**
 * [S] Theorem 1 for the fully synthetic recursion (MATH.md §4), with {@code S_0 = Σ p_i²}, support
 * size s~ and sample size n. Generation m counts from 0 ({@code p^(0)} is the true p).
 *
 * <ul>
 *   <li>eq. 6 (exact): {@code S_m = E σ_m = 1 − (1 − 1/n)^m (1 − S_0)};
 *   <li>eq. 7: {@code 1 − n(1−S_0)(1−1/n)^m <= ρ_m = P(T <= m) <= 1 − ((1−S_0)/(1−1/s~))(1−1/n)^m},
 *       equivalently {@code ((1−S_0)/(1−1/s~))(1−1/n)^k <= P(T > k) <= n(1−S_0)(1−1/n)^k};
 *   <li>eq. 8: {@code 1 + ((1−S_0)/(1−1/s~))(n−1) <= E[T] <= 1 + (1−S_0) n (n−1)}.
 * </ul>
 *
 * eq. 7 holds for m >= 1 only: its upper bound on P(T > k) rests on {@code 1 − σ >= 1/n} for a
 * non-Dirac model, true on the 1/n lattice of generations m >= 1 but not for {@code p^(0)} (at m = 0,
 * {@code P(T > 0) = 1} trivially since T >= 1).
 *
 * @param s0 S_0 = Σ p_i², in (0, 1]
 * @param support s~, the support size of p
 * @param n the synthetic sample size per generation
 */
public record SeddikTheorem1(double s0, int support, int n) {
  public static final String SOURCE_EQ6 = "Seddik Thm 1 eq. 6";
  public static final String SOURCE_EQ7 = "Seddik Thm 1 eq. 7";
  public static final String SOURCE_EQ8 = "Seddik Thm 1 eq. 8";

  public SeddikTheorem1 {
    ParameterException.requireAtLeast("n", n, 1);
    ParameterException.requireAtLeast("support", support, 1);
    if (!(s0 > 0.0 && s0 <= 1.0)) {
      throw new ParameterException("probs", "S_0 must be in (0, 1], got " + s0);
    }
  }

  /** (1 − 1/n)^m, computed as exp(m·log1p(−1/n)) so that large m loses no accuracy. */
  static double decay(int n, long m) {
    if (m == 0) {
      return 1.0;
    }
    return n == 1 ? 0.0 : Math.exp(m * Math.log1p(-1.0 / n));
  }

  /** eq. 6: {@code S_m = 1 − (1 − 1/n)^m (1 − S_0)}. */
  public double expectedSigma(long m) {
    return 1.0 - decay(n, m) * (1.0 - s0);
  }

  /** {@code (1−S_0)/(1−1/s~)}, the constant of the lower bounds; 0 when s~ = 1 (then S_0 = 1). */
  private double spread() {
    return support == 1 ? 0.0 : (1.0 - s0) / (1.0 - 1.0 / support);
  }

  /** eq. 7, lower bound on {@code ρ_m = P(T <= m)}: {@code 1 − n(1−S_0)(1−1/n)^m}. */
  public double rhoLower(long m) {
    return 1.0 - survivalUpper(m);
  }

  /** eq. 7, upper bound on {@code ρ_m}: {@code 1 − ((1−S_0)/(1−1/s~))(1−1/n)^m}. */
  public double rhoUpper(long m) {
    return 1.0 - survivalLower(m);
  }

  /** eq. 7 rewritten: lower bound on {@code P(T > k)}, {@code ((1−S_0)/(1−1/s~))(1−1/n)^k}. */
  public double survivalLower(long k) {
    return spread() * decay(n, k);
  }

  /** eq. 7 rewritten: upper bound on {@code P(T > k)}, {@code n(1−S_0)(1−1/n)^k}. */
  public double survivalUpper(long k) {
    return n * (1.0 - s0) * decay(n, k);
  }

  /** eq. 8, lower bound: {@code 1 + ((1−S_0)/(1−1/s~))(n−1)}. */
  public double expectedTimeLower() {
    return 1.0 + spread() * (n - 1);
  }

  /** eq. 8, upper bound: {@code 1 + (1−S_0) n (n−1)}. */
  public double expectedTimeUpper() {
    return 1.0 + (1.0 - s0) * n * (double) (n - 1);
  }
}
