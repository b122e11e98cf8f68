package org.collapsefarm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApproximationCheckTest {

  @Test
  void withinToleranceAndSe() {
    Estimate e = new Estimate(48.0, 0.5, 47.0, 49.0, 400);
    // |48 − 49.77| = 1.77 <= 1 + 2·0.5.
    CheckResult ok = ApproximationCheck.check(e, 49.77, 1.0, 2.0, "O(1) generations");
    assertThat(ok.verdict()).isEqualTo(Verdict.CONSISTENT);
    assertThat(ok.kind()).isEqualTo(CheckKind.APPROXIMATION);
    assertThat(ok.detail()).contains("relative error").contains("O(1) generations");
    assertThat(ApproximationCheck.check(e, 52.0, 1.0, 2.0, "").verdict()).isEqualTo(Verdict.VIOLATED);
    Estimate single = new Estimate(48.0, Double.NaN, Double.NaN, Double.NaN, 1);
    assertThat(ApproximationCheck.check(single, 49.0, 1.0, 2.0, "").verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
  }
}
