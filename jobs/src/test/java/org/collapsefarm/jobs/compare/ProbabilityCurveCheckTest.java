package org.collapsefarm.jobs.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.collapsefarm.stats.Verdict;
import org.junit.jupiter.api.Test;

/** The Clopper–Pearson probability check: its interval inverts the exact binomial test; rounding is not a violation. */
class ProbabilityCurveCheckTest {
  @Test
  void intervalEndsAreWhereTheExactBinomialTailsReachHalfTheLevel() {
    long x = 7;
    long r = 200;
    double a = 0.01;
    double[] ci = ProbabilityCurveCheck.clopperPearson(x, r, a);
    // P(X >= x | low) = a/2 and P(X <= x | high) = a/2: the definition, checked with the binomial law.
    assertThat(BinomialDistribution.of((int) r, ci[0]).survivalProbability((int) x - 1)).isCloseTo(a / 2, within(1e-9));
    assertThat(BinomialDistribution.of((int) r, ci[1]).cumulativeProbability((int) x)).isCloseTo(a / 2, within(1e-9));
    assertThat(ProbabilityCurveCheck.clopperPearson(0, r, a)[0]).isZero();
    assertThat(ProbabilityCurveCheck.clopperPearson(r, r, a)[1]).isEqualTo(1.0);
  }

  @Test
  void roundingAboveOneIsConsistentButAWrongProbabilityIsNot() {
    var ok = ProbabilityCurveCheck.check(List.of(new ProbabilityCurveCheck.Point(1, 200, 200, 1 + 2e-16),
        new ProbabilityCurveCheck.Point(2, 120, 200, 0.6)), 0.05);
    assertThat(ok.result().verdict()).isEqualTo(Verdict.CONSISTENT);
    // 120 of 200 against 0.45: z = 4.3, beyond the Bonferroni level for 2 generations
    var wrong = ProbabilityCurveCheck.check(List.of(new ProbabilityCurveCheck.Point(1, 200, 200, 1.0),
        new ProbabilityCurveCheck.Point(2, 120, 200, 0.45)), 0.05);
    assertThat(wrong.result().verdict()).isEqualTo(Verdict.VIOLATED);
    assertThat(wrong.generation()).isEqualTo(2);
    assertThat(wrong.zScore()).isCloseTo(0.15 / Math.sqrt(0.45 * 0.55 / 200), within(1e-9));
  }
}
