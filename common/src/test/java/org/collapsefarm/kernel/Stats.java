package org.collapsefarm.kernel;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** Critical values for the statistical tests (thresholds from the tests' null distributions). */
final class Stats {
  private Stats() {}

  /** Two-sided z threshold for family-wise level alpha over `checks` comparisons (Bonferroni). */
  static double bonferroniZ(double alpha, int checks) {
    return NormalDistribution.of(0, 1).inverseSurvivalProbability(alpha / (2.0 * checks));
  }

  /** The chi-square critical value with df degrees of freedom at level alpha. */
  static double chiSquareCritical(int df, double alpha) {
    return ChiSquaredDistribution.of(df).inverseSurvivalProbability(alpha);
  }
}
