package org.collapsefarm.theory;

import org.collapsefarm.ParameterException;

/**
 * The linear recursions in {@code E σ_m} of the fully synthetic family and its variants — [S]
 * Theorem 2 ({@code S_m = a + b·S_0 + β·S_{m−1}}) and MATH.md §6's real anchor and add-λ smoothing
 * ({@code S_m = A + B·S_{m−1}}) — iterated once, here.
 */
final class AffineRecursion {
  private AffineRecursion() {}

  /**
   * {@code s[0..maxM]} with {@code s[0] = s0}, {@code s[m] = given[m − 1]} for the first generations
   * a model states directly, and {@code s[m] = constant + slope·s[m − 1]} after them.
   *
   * @param given the values of generations 1, 2, … that do not follow the recursion (may be empty)
   */
  static double[] iterate(double s0, double constant, double slope, int maxM, double... given) {
    ParameterException.requireAtLeast("max-generations", maxM, 0);
    double[] s = new double[maxM + 1];
    s[0] = s0;
    int m = 1;
    for (; m <= Math.min(maxM, given.length); m++) {
      s[m] = given[m - 1];
    }
    for (; m <= maxM; m++) {
      s[m] = constant + slope * s[m - 1];
    }
    return s;
  }
}
