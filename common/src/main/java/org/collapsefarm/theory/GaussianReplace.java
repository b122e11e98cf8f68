package org.collapsefarm.theory;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;
import org.collapsefarm.ParameterException;
import org.collapsefarm.family.Estimator;

/**
 * The one-dimensional Gaussian under fully synthetic training (replace), MATH.md §7: generation m fits
 * n points of N(μ_{m−1}, σ²_{m−1}), so {@code σ²_m = σ²_{m−1}·χ²_{n−1}/c} with c = n (MLE) or n − 1
 * (unbiased) and {@code μ_m = μ_{m−1} + σ_{m−1} Z/√n}. With r = (n − 1)/n, all exact:
 *
 * <ul>
 *   <li>MLE: {@code E σ²_m = σ_0² r^m}, {@code E(μ_m − μ_0)² = σ_0²(1 − r^m)}, {@code E W2² = 2σ_0²(1 − β^m)},
 *       {@code β = sqrt(2/n) Γ(n/2)/Γ((n−1)/2)};
 *   <li>unbiased: {@code E σ²_m = σ_0²}, {@code E(μ_m − μ_0)² = σ_0² m/n}, {@code E W2² = σ_0²[m/n + 2(1 − α^m)]},
 *       {@code α = sqrt(2/(n−1)) Γ(n/2)/Γ((n−1)/2)};
 *   <li>both: {@code ln σ²_m} is a random walk with step mean {@code μ_s = ψ((n−1)/2) + ln(2/c)} and step
 *       variance {@code v_s = ψ′((n−1)/2)}: {@code E ln σ²_m = ln σ_0² + m μ_s}, {@code Var ln σ²_m = m v_s}.
 * </ul>
 *
 * The ε-collapse time {@code T_ε = min{m : σ²_m ≤ ε σ_0²}}: Wald's identity gives the <b>bound</b>
 * {@code E T_ε ≥ ln(1/ε)/|μ_s|} (the overshoot is ≥ 0), and T_ε is <b>approximately</b> inverse
 * Gaussian with that mean and variance {@code ln(1/ε) v_s/|μ_s|³}.
 *
 * <p>In d dimensions (MATH.md §7, "Gaussian, d dimensions"), with {@code variance0} = tr Σ_0: {@code E tr Σ_m
 * = tr Σ_0 r^m} (MLE; tr Σ_0 unbiased) and {@code E‖μ_m − μ_0‖²} are the formulas above with σ_0² → tr Σ_0
 * (each coordinate's, summed); by the Bartlett decomposition det Σ_m = det Σ_{m−1}·∏_{i=1..d} χ²_{n−i}/c
 * with independent factors, so {@code E det Σ_m/det Σ_0 = [∏_i (n − i)/c]^m} and ln det Σ_m is a random
 * walk with step mean {@code Σ_i [ψ((n−i)/2) + ln(2/c)]} and step variance {@code Σ_i ψ′((n−i)/2)}
 * (n &gt; d; for n ≤ d, Σ_m is singular and det Σ_m = 0).
 *
 * @param variance0 σ_0²
 * @param n the sample size per generation, ≥ 2
 * @param estimator MLE or unbiased
 */
public record GaussianReplace(double variance0, int n, Estimator estimator) {
  public static final String SOURCE = "MATH.md 7 Gaussian replace";
  public static final String SOURCE_D = "MATH.md 7 Gaussian d dimensions replace";
  public static final String SOURCE_WALD = "MATH.md 7 Wald bound";
  public static final String SOURCE_INVERSE_GAUSSIAN = "MATH.md 7 inverse Gaussian (approximation)";

  public GaussianReplace {
    ParameterException.requireAbove("variance", variance0, 0.0);
    ParameterException.requireAtLeast("n", n, 2);
  }

  private double r() {
    return (n - 1.0) / n;
  }

  /** {@code E σ²_m}. */
  public double expectedVariance(int m) {
    return estimator == Estimator.MLE ? variance0 * Math.pow(r(), m) : variance0;
  }

  /** {@code E(μ_m − μ_0)²}. */
  public double expectedMeanSqError(int m) {
    return estimator == Estimator.MLE ? variance0 * -Math.expm1(m * Math.log(r())) : variance0 * m / n;
  }

  /** {@code E σ_m/σ_{m−1}}: β (MLE) or α (unbiased). */
  public double sdFactor() {
    double logRatio = LogGamma.value(n / 2.0) - LogGamma.value((n - 1.0) / 2.0);
    return Math.exp(0.5 * Math.log(2.0 / estimator.divisor(n)) + logRatio);
  }

  /** {@code E W2²_m}, W2² = (μ_m − μ_0)² + (σ_m − σ_0)². */
  public double expectedW2(int m) {
    double decay = -Math.expm1(m * Math.log(sdFactor())); // 1 − β^m
    return estimator == Estimator.MLE ? 2.0 * variance0 * decay : variance0 * (m / (double) n + 2.0 * decay);
  }

  /** The step mean of ln σ²: {@code μ_s = ψ((n−1)/2) + ln(2/c)} (−0.2206 at n = 10, MLE). */
  public double stepMean() {
    return Digamma.value((n - 1.0) / 2.0) + Math.log(2.0 / estimator.divisor(n));
  }

  /** The step variance of ln σ²: {@code v_s = ψ′((n−1)/2)} (0.2487 at n = 10). */
  public double stepVariance() {
    return Trigamma.value((n - 1.0) / 2.0);
  }

  /** {@code E ln σ²_m = ln σ_0² + m μ_s}. */
  public double expectedLogVariance(int m) {
    return Math.log(variance0) + m * stepMean();
  }

  /** {@code Var ln σ²_m = m v_s}. */
  public double logVarianceVariance(int m) {
    return m * stepVariance();
  }

  /** The step mean of ln det Σ in d dimensions, {@code Σ_{i=1..d} [ψ((n−i)/2) + ln(2/c)]} (n &gt; d; {@link #stepMean} at d = 1). */
  public double logDetStepMean(int d) {
    requireFullRank(d);
    double sum = 0;
    for (int i = 1; i <= d; i++) {
      sum += Digamma.value((n - i) / 2.0) + Math.log(2.0 / estimator.divisor(n));
    }
    return sum;
  }

  /** The step variance of ln det Σ in d dimensions, {@code Σ_{i=1..d} ψ′((n−i)/2)} (n &gt; d). */
  public double logDetStepVariance(int d) {
    requireFullRank(d);
    double sum = 0;
    for (int i = 1; i <= d; i++) {
      sum += Trigamma.value((n - i) / 2.0);
    }
    return sum;
  }

  /** {@code E det Σ_m/det Σ_0 = [∏_{i=1..d} (n − i)/c]^m} (0 when n ≤ d). */
  public double expectedDetRatio(int m, int d) {
    double logStep = 0;
    for (int i = 1; i <= d; i++) {
      logStep += Math.log((n - i) / estimator.divisor(n));
    }
    return n <= d ? 0.0 : Math.exp(m * logStep);
  }

  private void requireFullRank(int d) {
    if (n <= d) {
      throw new ParameterException("n", "ln det Sigma_m is -infinity for n <= dimension (" + n + " <= " + d + ")");
    }
  }

  /** Wald's lower bound {@code E T_ε ≥ ln(1/ε)/|μ_s|}. */
  public double waldBound(double epsilon) {
    return Math.log(1.0 / epsilon) / Math.abs(stepMean());
  }

  /** The inverse-Gaussian approximation's variance of T_ε, {@code ln(1/ε) v_s/|μ_s|³} (its mean is the Wald value). */
  public double inverseGaussianVariance(double epsilon) {
    return Math.log(1.0 / epsilon) * stepVariance() / Math.pow(Math.abs(stepMean()), 3);
  }
}
