package org.collapsefarm.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class BoundCheckTest {

  @Test
  void upperBoundHoldsWithTightness() {
    var pts = List.of(new BoundCheck.Point(3, 0.4, 0.35, 0.45, 0.5), new BoundCheck.Point(4, 0.3, 0.25, 0.35, 0.8));
    CheckResult r = BoundCheck.check(CheckKind.UPPER_BOUND, pts, 0, 2, "normal", "");
    assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(r.tightness()).isCloseTo(0.8, within(1e-15));
    assertThat(r.detail()).contains("m = 3");
  }

  @Test
  void intervalWhollyOnTheWrongSideIsViolated() {
    var above = List.of(new BoundCheck.Point(2, 0.6, 0.55, 0.65, 0.5));
    assertThat(BoundCheck.check(CheckKind.UPPER_BOUND, above, 0, 1, "", "").verdict()).isEqualTo(Verdict.VIOLATED);
    // Touching is not wholly on the wrong side.
    var touching = List.of(new BoundCheck.Point(2, 0.6, 0.5, 0.65, 0.5));
    assertThat(BoundCheck.check(CheckKind.UPPER_BOUND, touching, 0, 1, "", "").verdict()).isEqualTo(Verdict.HOLDS);
    var below = List.of(new BoundCheck.Point(2, 0.3, 0.25, 0.35, 0.4));
    CheckResult lower = BoundCheck.check(CheckKind.LOWER_BOUND, below, 0, 1, "", "");
    assertThat(lower.verdict()).isEqualTo(Verdict.VIOLATED);
    assertThat(lower.kind()).isEqualTo(CheckKind.LOWER_BOUND);
  }

  @Test
  void vacuousSaysByWhatFactor() {
    var huge = List.of(new BoundCheck.Point(2, 0.3, 0.2, 0.4, 3e30));
    CheckResult r = BoundCheck.check(CheckKind.UPPER_BOUND, huge, 0, 2, "", "informative from N = 1.7e31");
    assertThat(r.verdict()).isEqualTo(Verdict.VACUOUS);
    assertThat(r.detail()).contains("factor of 1.50e+30").contains("N = 1.7e31");
    var negative = List.of(new BoundCheck.Point(1, 0.1, 0.05, 0.15, -2.0));
    assertThat(BoundCheck.check(CheckKind.LOWER_BOUND, negative, 0, 1, "", "").verdict()).isEqualTo(Verdict.VACUOUS);
    // Some generations vacuous, the others decide.
    var mixed = List.of(new BoundCheck.Point(1, 0.1, 0.05, 0.15, -2.0), new BoundCheck.Point(9, 0.5, 0.45, 0.55, 0.7));
    CheckResult m = BoundCheck.check(CheckKind.LOWER_BOUND, mixed, 0, 1, "", "");
    assertThat(m.verdict()).isEqualTo(Verdict.VIOLATED);
  }

  /**
   * Simulated runs: the eq. 7 bounds on P(T > k) hold with Wilson intervals at the Bonferroni z; a
   * "lower bound" inflated 1.5× is violated.
   */
  @Test
  void eq7HoldsAndAnInflatedBoundIsViolated() {
    double[] p = {0.5, 0.3, 0.2};
    int n = 10;
    int maxK = 40;
    int runsCount = 400;
    SyntheticRuns runs = new SyntheticRuns(p, n, maxK, runsCount, 77L);
    double s0 = 0.38;
    double z = Intervals.zTwoSided(0.01, maxK);
    IntToDoubleFunction lower = k -> (1 - s0) / (1 - 1.0 / 3) * Math.pow(0.9, k);
    IntToDoubleFunction upper = k -> n * (1 - s0) * Math.pow(0.9, k);
    assertThat(check(runs, maxK, z, lower, CheckKind.LOWER_BOUND).verdict()).isEqualTo(Verdict.HOLDS);
    CheckResult up = check(runs, maxK, z, upper, CheckKind.UPPER_BOUND);
    assertThat(up.verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(up.tightness()).isLessThan(1.0);
    assertThat(check(runs, maxK, z, k -> 1.5 * lower.applyAsDouble(k), CheckKind.LOWER_BOUND).verdict())
        .isEqualTo(Verdict.VIOLATED);
  }

  private static CheckResult check(SyntheticRuns runs, int maxK, double z, IntToDoubleFunction bound, CheckKind kind) {
    List<BoundCheck.Point> pts = new ArrayList<>();
    for (int k = 1; k <= maxK; k++) {
      int alive = 0;
      for (int r = 0; r < runs.time.length; r++) {
        if (runs.censored[r] || runs.time[r] > k) {
          alive++;
        }
      }
      Estimate e = Intervals.wilson(alive, runs.time.length, z);
      pts.add(new BoundCheck.Point(k, e.value(), e.low(), e.high(), bound.applyAsDouble(k)));
    }
    return BoundCheck.check(kind, pts, 0, 1, "Wilson, Bonferroni", "");
  }
}
