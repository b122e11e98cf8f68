package org.collapsefarm.family;

import org.collapsefarm.ParameterException;

/** How a Gaussian's variance is estimated from a training set's scatter (MATH.md §7). */
public enum Estimator {
  /** Maximum likelihood: scatter / n ({@code E σ²_m = σ_0² r^m}, r = (n − 1)/n). */
  MLE("mle"),
  /** Unbiased: scatter / (n − 1) ({@code E σ²_m = σ_0²}, a martingale, yet σ²_m → 0 almost surely). */
  UNBIASED("unbiased");

  private final String configName;

  Estimator(String configName) {
    this.configName = configName;
  }

  /** The name in sweep files and in the {@code estimator} column. */
  public String configName() {
    return configName;
  }

  /** The divisor of the scatter for a training set of {@code count} points. */
  public double divisor(long count) {
    return this == MLE ? count : count - 1.0;
  }

  public static Estimator fromConfig(String name) {
    for (Estimator e : values()) {
      if (e.configName.equals(name)) {
        return e;
      }
    }
    throw new ParameterException("estimator", "unknown value '" + name + "'; allowed: mle, unbiased");
  }
}
