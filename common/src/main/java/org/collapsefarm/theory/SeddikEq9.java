package org.collapsefarm.theory;

import org.collapsefarm.ParameterException;

/**
 * [S] eq. 9 exactly as printed in MATH.md §4, evaluated as a theory quantity of its own (the farm's
 * value of Theorem 2 is the recursion {@link SeddikTheorem2}; whether the printed closed form agrees
 * with the runs is left to the comparison). With {@code α = n/(N+n)}, {@code β = n(n−1)/(N+n)²}:
 *
 * <pre>
 *   S_{m+1} = ((1/N)[1 + 2α − (1 − 1/N) α β^m]) / (1 + (1+1/N)α)
 *           + ((1 − 1/N) S_0 / (1 + (1+1/N)α))·[1 + α − α β^m / N]
 * </pre>
 *
 * Evaluated for generations {@code m+1 >= 2} (MATH.md states the partially synthetic forms for m >= 1).
 *
 * @param s0 S_0 = Σ p_i²
 * @param realN N
 * @param n the synthetic sample size per generation
 */
public record SeddikEq9(double s0, int realN, int n) {
  public static final String SOURCE = "Seddik eq. 9 (as printed)";

  public SeddikEq9 {
    ParameterException.requireAtLeast("real-n", realN, 1);
    ParameterException.requireAtLeast("n", n, 1);
  }

  /** The printed right-hand side for {@code S_{m+1}}, at generation {@code m+1}, m >= 1. */
  public double expectedSigmaAtGeneration(int generation) {
    ParameterException.requireAtLeast("generation", generation, 2);
    int m = generation - 1;
    double bigN = realN;
    double alpha = n / (bigN + n);
    double beta = n * (n - 1.0) / ((bigN + n) * (bigN + n));
    double betaM = Math.pow(beta, m);
    double denominator = 1.0 + (1.0 + 1.0 / bigN) * alpha;
    double first = ((1.0 / bigN) * (1.0 + 2.0 * alpha - (1.0 - 1.0 / bigN) * alpha * betaM)) / denominator;
    double second = ((1.0 - 1.0 / bigN) * s0 / denominator) * (1.0 + alpha - alpha * betaM / bigN);
    return first + second;
  }
}
