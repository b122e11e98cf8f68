package org.collapsefarm.theory;

import org.collapsefarm.ParameterException;

/**
 * The Wright–Fisher diffusion approximation of the fully synthetic recursion (MATH.md §4; Kimura
 * 1955; Littler 1975, haploid population of size n): the mean number of generations until one token
 * remains is {@code E[T] ≈ −2n Σ_i (1 − p_i) ln(1 − p_i)}. It is an approximation, compared with a
 * tolerance and never asserted equal. Its error is not O(1): against {@link ExactChain} it
 * overestimates E[T] by an amount growing like {@code (ln n)/3} (p = (1/2, 1/2): 1.27 generations at
 * n = 10, 2.03 at n = 100, 2.79 at n = 1000; p = (0.5, 0.3, 0.2): 1.34 at n = 10, 2.09 at n = 100),
 * so its relative error is O(log n / n).
 */
public final class WrightFisher {
  public static final String SOURCE = "Wright-Fisher diffusion (Littler 1975)";

  private WrightFisher() {}

  /** {@code −2n Σ_i (1 − p_i) ln(1 − p_i)}; a term with {@code p_i = 1} contributes 0 (its limit). */
  public static double expectedCollapseTime(double[] p, int n) {
    ParameterException.requireAtLeast("n", n, 1);
    double sum = 0;
    for (double pi : p) {
      if (pi < 1.0) {
        sum += (1.0 - pi) * Math.log1p(-pi);
      }
    }
    return -2.0 * n * sum;
  }
}
