package org.collapsefarm.stats;

/**
 * The outcome of one check, shaped like a row of the {@code comparison} table (DESIGN.md); for a
 * check over several generations the numbers are those of the generation named in {@code detail}.
 *
 * @param verdict the verdict
 * @param kind exact / lower bound / upper bound / approximation
 * @param empirical the empirical estimate
 * @param ciLow lower end of its interval (at the confidence stated in detail)
 * @param ciHigh upper end of its interval
 * @param theory the theory value
 * @param tightness empirical ÷ theory for bounds (NaN when undefined or not a bound)
 * @param detail how the verdict was reached, in words, with every number needed to reproduce it
 */
public record CheckResult(
    Verdict verdict,
    CheckKind kind,
    double empirical,
    double ciLow,
    double ciHigh,
    double theory,
    double tightness,
    String detail) {

  /** A check that does not apply, with the reason. */
  public static CheckResult notApplicable(CheckKind kind, double theory, String reason) {
    return new CheckResult(Verdict.NOT_APPLICABLE, kind, Double.NaN, Double.NaN, Double.NaN, theory, Double.NaN, reason);
  }
}
