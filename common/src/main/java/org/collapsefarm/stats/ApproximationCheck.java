package org.collapsefarm.stats;

import java.util.Locale;

/**
 * An approximation (e.g. the Wright–Fisher diffusion's E[T]) against the runs: it is consistent
 * when the estimate is within its known error scale of it, i.e. {@code |empirical − approximation| <=
 * tolerance + z·SE}; otherwise violated. The detail always reports the relative error with its
 * interval, because an approximation is there to be measured, not to be declared equal.
 */
public final class ApproximationCheck {
  private ApproximationCheck() {}

  /**
   * @param estimate the empirical estimate (interval at z)
   * @param approximation the approximation's value
   * @param tolerance the approximation's known error scale, in the quantity's unit, >= 0
   * @param z the z of the comparison (Bonferroni-corrected if several are made at once)
   * @param toleranceNote where the tolerance comes from, e.g. "O(1) generations, diffusion limit"
   */
  public static CheckResult check(
      Estimate estimate, double approximation, double tolerance, double z, String toleranceNote) {
    if (!(estimate.se() >= 0)) {
      return CheckResult.notApplicable(CheckKind.APPROXIMATION, approximation,
          "no standard error (fewer than 2 runs)");
    }
    double diff = estimate.value() - approximation;
    boolean consistent = Math.abs(diff) <= tolerance + z * estimate.se();
    String detail = String.format(Locale.ROOT,
        "relative error (empirical - approximation)/approximation = %.4g, interval [%.4g, %.4g]; "
            + "consistent when |diff| <= tolerance %.4g (%s) + z %.3f x SE %.4g",
        diff / approximation, (estimate.value() - z * estimate.se() - approximation) / approximation,
        (estimate.value() + z * estimate.se() - approximation) / approximation, tolerance, toleranceNote, z,
        estimate.se());
    return new CheckResult(consistent ? Verdict.CONSISTENT : Verdict.VIOLATED, CheckKind.APPROXIMATION,
        estimate.value(), estimate.value() - z * estimate.se(), estimate.value() + z * estimate.se(), approximation,
        Double.NaN, detail);
  }
}
