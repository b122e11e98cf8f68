package org.collapsefarm.jobs.compare;

import java.io.Serializable;
import org.collapsefarm.stats.CheckResult;
import org.collapsefarm.stats.Verdict;

/**
 * One row of the {@code comparison} table (DESIGN.md): a check of one group. The contract columns
 * come first; the farm adds where the numbers were taken and how many comparisons shared α.
 *
 * @param groupId the group
 * @param checkName the theory quantity checked ({@code S_m}, {@code rho_upper}, …) or a test's name
 * @param empirical the empirical estimate (at {@code generation} for a per-generation check)
 * @param ciLow lower end of its interval, at the z stated in detail (Bonferroni over {@code comparisons})
 * @param ciHigh upper end of its interval
 * @param theory the formula's or bound's value
 * @param kind exact / lower bound / upper bound / approximation
 * @param verdict consistent / holds / violated / vacuous / not-applicable
 * @param tightness empirical ÷ bound for bounds (NaN otherwise)
 * @param detail how the verdict was reached, with every number needed to reproduce it
 * @param generation the generation the numbers are from (the worst, tightest or least vacuous one), null
 *     for a scalar
 * @param zScore |empirical − theory| / SE for exact checks (the equivalent normal z for chi-square); null
 *     where undefined
 * @param comparisons the number of generations (or points) compared at once, over which α was shared
 * @param source the theorem and equation (the {@code theory} table's source)
 */
public record ComparisonRow(
    String groupId,
    String checkName,
    double empirical,
    double ciLow,
    double ciHigh,
    double theory,
    String kind,
    String verdict,
    double tightness,
    String detail,
    Integer generation,
    Double zScore,
    int comparisons,
    String source)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A row from a check's result. */
  public static ComparisonRow of(
      String groupId, String checkName, String source, CheckResult r, Integer generation, Double zScore,
      int comparisons) {
    return new ComparisonRow(groupId, checkName, r.empirical(), r.ciLow(), r.ciHigh(), r.theory(), r.kind().word(),
        r.verdict().word(), r.tightness(), r.detail(), generation, zScore, comparisons, source);
  }

  /** The verdict as an enum. */
  public Verdict verdictEnum() {
    for (Verdict v : Verdict.values()) {
      if (v.word().equals(verdict)) {
        return v;
      }
    }
    throw new IllegalStateException("unknown verdict " + verdict);
  }
}
