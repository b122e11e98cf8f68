package org.collapsefarm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class ExactFormulaCheckTest {
  /** Pre-declared family-wise level for the simulation checks (a 1% chance of a false alarm). */
  private static final double ALPHA = 0.01;

  @Test
  void constructedInputs() {
    List<ExactFormulaCheck.Point> fine = List.of(
        new ExactFormulaCheck.Point(1, 0.50, 0.01, 100, 0.51),
        new ExactFormulaCheck.Point(2, 0.60, 0.01, 100, 0.58));
    CheckResult ok = ExactFormulaCheck.check(fine, 1.0, 0.05);
    assertThat(ok.verdict()).isEqualTo(Verdict.CONSISTENT);
    assertThat(ok.kind()).isEqualTo(CheckKind.EXACT);
    // z = 2 at m = 2, below the Bonferroni z* = 2.24 for 2 comparisons.
    assertThat(ok.detail()).contains("m = 2").contains("2.241");
    List<ExactFormulaCheck.Point> bad = List.of(
        new ExactFormulaCheck.Point(1, 0.50, 0.01, 100, 0.51),
        new ExactFormulaCheck.Point(2, 0.60, 0.01, 100, 0.55));
    CheckResult wrong = ExactFormulaCheck.check(bad, 1.0, 0.05);
    assertThat(wrong.verdict()).isEqualTo(Verdict.VIOLATED);
    assertThat(wrong.theory()).isEqualTo(0.55);
    assertThat(wrong.ciLow()).isGreaterThan(0.55);
  }

  /** All 100 runs collapsed (σ = 1, SE = 0): 1 − 1e-5 is consistent, 0.9 is not. */
  @Test
  void zeroVarianceUsesTheAllEqualRule() {
    var near = List.of(new ExactFormulaCheck.Point(80, 1.0, 0.0, 100, 1 - 1e-5));
    assertThat(ExactFormulaCheck.check(near, 1.0, 0.05).verdict()).isEqualTo(Verdict.CONSISTENT);
    // allowed = ln(1/0.05)/100 ≈ 0.030: a formula at 0.9 is 0.1 away.
    var far = List.of(new ExactFormulaCheck.Point(80, 1.0, 0.0, 100, 0.9));
    CheckResult r = ExactFormulaCheck.check(far, 1.0, 0.05);
    assertThat(r.verdict()).isEqualTo(Verdict.VIOLATED);
    assertThat(r.detail()).contains("SE = 0");
  }

  @Test
  void tooFewRunsIsNotApplicable() {
    var one = List.of(new ExactFormulaCheck.Point(1, 0.5, Double.NaN, 1, 0.5));
    assertThat(ExactFormulaCheck.check(one, 1.0, 0.05).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
  }

  /** Simulated fully synthetic runs: eq. 6 is consistent; eq. 6 with n + 3 in place of n is violated. */
  @Test
  void eq6ConsistentAndAWrongFormulaViolated() {
    double[] p = {0.5, 0.3, 0.2};
    int n = 10;
    int maxM = 30;
    SyntheticRuns runs = new SyntheticRuns(p, n, maxM, 400, 20241122L);
    double s0 = 0.38;
    IntToDoubleFunction eq6 = m -> 1 - Math.pow(1 - 1.0 / n, m) * (1 - s0);
    IntToDoubleFunction wrong = m -> 1 - Math.pow(1 - 1.0 / (n + 3), m) * (1 - s0);
    assertThat(ExactFormulaCheck.check(points(runs, maxM, eq6), 1.0, ALPHA).verdict()).isEqualTo(Verdict.CONSISTENT);
    assertThat(ExactFormulaCheck.check(points(runs, maxM, wrong), 1.0, ALPHA).verdict()).isEqualTo(Verdict.VIOLATED);
  }

  private static List<ExactFormulaCheck.Point> points(SyntheticRuns runs, int maxM, IntToDoubleFunction formula) {
    List<ExactFormulaCheck.Point> out = new ArrayList<>();
    for (int m = 1; m <= maxM; m++) {
      double[] values = new double[runs.sigma.length];
      for (int r = 0; r < values.length; r++) {
        values[r] = runs.sigma[r][m];
      }
      Estimate e = Intervals.mean(values, 0);
      out.add(new ExactFormulaCheck.Point(m, e.value(), e.se(), e.count(), formula.applyAsDouble(m)));
    }
    return out;
  }
}
