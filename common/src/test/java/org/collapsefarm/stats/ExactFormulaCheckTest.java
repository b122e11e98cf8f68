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

  /** Hall's g and its inverse: g(g⁻¹(y)) = y; γ = 0 is the plain z; a right-skewed mean gets an interval longer above. */
  @Test
  void skewedPointsUseHallsTransformation() {
    var plain = new ExactFormulaCheck.Point(3, 1.1, 0.05, 400, 1.0);
    assertThat(plain.z()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-12));
    var skewed = new ExactFormulaCheck.Point(3, 1.1, 0.05, 400, 1.0, 2.8);
    for (double y : new double[] {-3.5, -1, 0, 0.7, 3.5}) {
      var p = new ExactFormulaCheck.Point(3, 1.0 + 0.05 * skewed.inverse(y), 0.05, 400, 1.0, 2.8);
      assertThat(p.z()).isCloseTo(y, org.assertj.core.api.Assertions.within(1e-9));
    }
    CheckResult r = ExactFormulaCheck.check(List.of(skewed), 1.0, 0.05);
    assertThat(r.ciHigh() - 1.1).as("longer above").isGreaterThan(1.1 - r.ciLow());
    assertThat(r.verdict() == Verdict.CONSISTENT).isEqualTo(r.ciLow() <= 1.0 && 1.0 <= r.ciHigh());
    assertThat(r.detail()).contains("Hall 1992");
  }

  /**
   * The point of the correction: means of R = 400 draws of χ²₁ (skewness 2√2, like a squared error),
   * judged at two-sided α = 10⁻³ against the true mean 1, in T = 20,000 groups. The corrected statistic
   * rejects about α·T = 20 times (Hall's transformation is normal to O(1/R)); the plain z about 2.5 times
   * as often. Bound: α·T + 3.09·sqrt(α·T) (one-sided 10⁻³ under the nominal rate), fixed seed.
   */
  @Test
  void hallsTransformationHoldsTheNominalRateOnChiSquaredMeans() {
    int r = 400;
    int groups = 20_000;
    double alpha = 1e-3;
    var rng = org.collapsefarm.random.CellSeeds.stream(20261206L);
    var gauss = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
    double zStar = Intervals.zTwoSided(alpha, 1);
    int plain = 0;
    int corrected = 0;
    for (int g = 0; g < groups; g++) {
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      for (int i = 0; i < r; i++) {
        double z = gauss.sample();
        double x = z * z;
        s1 += x;
        s2 += x * x;
        s3 += x * x * x;
      }
      Estimate e = Intervals.mean(s1, s2, r, 0);
      double skew = Intervals.skewness(s1, s2, s3, r);
      // The statistic check() compares with z* (check() itself formats a detail line: too slow for 40,000 calls).
      plain += Math.abs(new ExactFormulaCheck.Point(1, e.value(), e.se(), r, 1.0).z()) > zStar ? 1 : 0;
      corrected += Math.abs(new ExactFormulaCheck.Point(1, e.value(), e.se(), r, 1.0, skew).z()) > zStar ? 1 : 0;
    }
    double bound = alpha * groups + 3.09 * Math.sqrt(alpha * groups);
    assertThat(corrected).as("corrected false alarms (plain: %d)", plain).isLessThanOrEqualTo((int) bound);
    assertThat(plain).as("the plain z is miscalibrated here").isGreaterThan((int) bound);
  }

  /** One point of R = 8 runs at z = 2.2: beyond the normal 1.960, inside Student-t's t_7 = 2.365. */
  @Test
  void studentTThresholdForFewRuns() {
    var point = List.of(new ExactFormulaCheck.Point(4, 1.22, 0.1, 8, 1.0));
    assertThat(ExactFormulaCheck.check(point, 10.0, 0.05).verdict()).isEqualTo(Verdict.VIOLATED);
    CheckResult t = ExactFormulaCheck.check(point, 10.0, 0.05, ExactFormulaCheck.Reference.STUDENT_T);
    assertThat(t.verdict()).isEqualTo(Verdict.CONSISTENT);
    assertThat(t.detail()).contains("t* = 2.365").contains("7 degrees of freedom");
    assertThat(t.ciLow()).isCloseTo(1.22 - 0.2365, org.assertj.core.api.Assertions.within(1e-3));
  }

  /**
   * The point of {@link ExactFormulaCheck.Reference#STUDENT_T}: T = 2,000 groups of 20 generations with
   * R = 8 normal runs each, the true mean 0, family-wise α = 0.05 (Bonferroni). Student-t rejects at
   * most α·T = 100 times (1 − (1 − α/20)^20 = 4.9 % exactly); the normal z* about a third of the time.
   * Bound: α·T + 3.09·sqrt(α(1 − α)·T) (one-sided 10⁻³ at the nominal rate), fixed seed.
   */
  @Test
  void studentTHoldsTheNominalRateWithFewRuns() {
    int runs = 8;
    int generations = 20;
    int groups = 2_000;
    double alpha = 0.05;
    var rng = org.collapsefarm.random.CellSeeds.stream(20261207L);
    var gauss = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
    int normal = 0;
    int student = 0;
    for (int g = 0; g < groups; g++) {
      List<ExactFormulaCheck.Point> points = new ArrayList<>();
      for (int m = 1; m <= generations; m++) {
        double[] values = new double[runs];
        for (int r = 0; r < runs; r++) {
          values[r] = gauss.sample();
        }
        Estimate e = Intervals.mean(values, 0);
        points.add(new ExactFormulaCheck.Point(m, e.value(), e.se(), runs, 0.0));
      }
      normal += ExactFormulaCheck.check(points, 100.0, alpha).verdict() == Verdict.VIOLATED ? 1 : 0;
      student += ExactFormulaCheck.check(points, 100.0, alpha, ExactFormulaCheck.Reference.STUDENT_T).verdict()
          == Verdict.VIOLATED ? 1 : 0;
    }
    double bound = alpha * groups + 3.09 * Math.sqrt(alpha * (1 - alpha) * groups);
    assertThat(student).as("Student-t false alarms (normal: %d)", normal).isLessThanOrEqualTo((int) bound);
    assertThat(normal).as("the normal z* is miscalibrated at 8 runs").isGreaterThan((int) bound);
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
