package org.collapsefarm.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ChiSquareGoodnessOfFitTest {

  /** (50, 30, 20) against (0.3, 0.5, 0.2): χ² = 400/30 + 400/50 = 21.33 on 2 df, p = exp(−χ²/2). */
  @Test
  void byHand() {
    var r = ChiSquareGoodnessOfFit.test(new long[] {50, 30, 20}, new double[] {0.3, 0.5, 0.2});
    assertThat(r.statistic()).isCloseTo(400.0 / 30 + 8, within(1e-12));
    assertThat(r.degreesOfFreedom()).isEqualTo(2);
    assertThat(r.pValue()).isCloseTo(Math.exp(-(400.0 / 30 + 8) / 2), within(1e-15));
    var perfect = ChiSquareGoodnessOfFit.test(new long[] {30, 50, 20}, new double[] {0.3, 0.5, 0.2});
    assertThat(perfect.statistic()).isEqualTo(0.0);
    assertThat(perfect.pValue()).isEqualTo(1.0);
  }

  /** 100 draws: expected (1, 2, 2, 45, 50): the three small ones pool into one category of 5. */
  @Test
  void poolsSmallExpectedCounts() {
    var r = ChiSquareGoodnessOfFit.test(new long[] {3, 1, 1, 45, 50}, new double[] {0.01, 0.02, 0.02, 0.45, 0.5});
    assertThat(r.categories()).isEqualTo(3);
    assertThat(r.statistic()).isCloseTo(0.0, within(1e-12));
    var tooFew = ChiSquareGoodnessOfFit.check(new long[] {2, 1}, new double[] {0.5, 0.5}, 0.05);
    assertThat(tooFew.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
  }

  /** Draws from p are consistent with p (α = 0.01, fixed seed); the same draws against a wrong p are not. */
  @Test
  void simulatedDraws() {
    double[] p = {0.4, 0.3, 0.2, 0.1};
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
    long[] counts = new long[4];
    for (int k = 0; k < 1000; k++) {
      double u = rng.nextDouble();
      int i = u < 0.4 ? 0 : u < 0.7 ? 1 : u < 0.9 ? 2 : 3;
      counts[i]++;
    }
    assertThat(ChiSquareGoodnessOfFit.check(counts, p, 0.01).verdict()).isEqualTo(Verdict.CONSISTENT);
    // A wrong Proposition 1: uniform absorption.
    CheckResult wrong = ChiSquareGoodnessOfFit.check(counts, new double[] {0.25, 0.25, 0.25, 0.25}, 0.01);
    assertThat(wrong.verdict()).isEqualTo(Verdict.VIOLATED);
    assertThat(wrong.detail()).contains("3 df");
  }
}
