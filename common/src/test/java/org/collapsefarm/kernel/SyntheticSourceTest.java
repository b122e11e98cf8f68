package org.collapsefarm.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;
import org.junit.jupiter.api.Test;

/** The knobs of MATH.md §2: temperature, top-p nucleus and add-λ smoothing, on a fixed model. */
class SyntheticSourceTest {
  private static final int[] COUNTS = {6, 0, 3, 1, 3, 7};
  private static final long TOTAL = 20;
  /** Vocabulary ids of positions 0..5 (not in id order, as after compaction). */
  private static final int[] TOKEN_AT = {4, 0, 5, 1, 2, 3};

  private static double[] q(double temperature, double topP, double lambda) {
    ParadigmSpec spec = ParadigmSpec.fullySynthetic(10).withKnobs(temperature, topP, lambda, lambda > 0 ? 0.1 : 0, 0);
    double[] q = new double[COUNTS.length];
    new SyntheticSource(spec, COUNTS.length, TOKEN_AT).distribution(COUNTS, TOTAL, COUNTS.length, q);
    return q;
  }

  @Test
  void temperatureSamplesFromPToThePowerOneOverTau() {
    for (double tau : new double[] {0.3, 1.0, 2.5}) {
      double[] q = q(tau, 1, 0);
      double norm = 0;
      for (int c : COUNTS) {
        norm += Math.pow(c / 20.0, 1 / tau);
      }
      for (int i = 0; i < COUNTS.length; i++) {
        assertThat(q[i]).as("tau %s, token %d", tau, i).isCloseTo(Math.pow(COUNTS[i] / 20.0, 1 / tau) / norm, within(1e-14));
      }
    }
  }

  @Test
  void smoothingIsAddLambdaOverTheWholeVocabulary() {
    double lambda = 0.5;
    double[] q = q(1, 1, lambda);
    for (int i = 0; i < COUNTS.length; i++) {
      assertThat(q[i]).isCloseTo((COUNTS[i] + lambda) / (TOTAL + lambda * COUNTS.length), within(1e-14));
    }
  }

  @Test
  void nucleusKeepsTheSmallestTopSetReachingTopPWithTiesBrokenBySmallerId() {
    // p = (0.30, 0, 0.15, 0.05, 0.15, 0.35): 0.35 alone < 0.5; 0.35 + 0.30 = 0.65 >= 0.5.
    assertThat(q(1, 0.5, 0)).containsExactly(0.30 / 0.65, 0, 0, 0, 0, 0.35 / 0.65);
    assertThat(q(1, 0.65, 0)).containsExactly(0.30 / 0.65, 0, 0, 0, 0, 0.35 / 0.65);
    // 0.65 + one of the tied 0.15 tokens (positions 2 and 4, ids 5 and 2): id 2 (position 4) wins.
    double[] q = q(1, 0.7, 0);
    assertThat(q[2]).isZero();
    assertThat(q[4]).isCloseTo(0.15 / 0.80, within(1e-15));
    assertThat(q[0] + q[4] + q[5]).isCloseTo(1, within(1e-15));
    double[] all = q(1, 1, 0);
    double[] almostAll = q(1, 0.96, 0);
    for (int i = 0; i < all.length; i++) {
      assertThat(almostAll[i]).isCloseTo(all[i], within(1e-15));
    }
  }

  @Test
  void drawsFollowTheSamplingDistribution() {
    // Chi-square goodness of fit of many draws against q (temperature and nucleus together).
    ParadigmSpec spec = ParadigmSpec.fullySynthetic(10).withKnobs(0.8, 0.9, 0, 0, 0);
    SyntheticSource source = new SyntheticSource(spec, COUNTS.length, TOKEN_AT);
    double[] q = new double[COUNTS.length];
    source.distribution(COUNTS, TOTAL, COUNTS.length, q);
    UniformRandomProvider rng = CellSeeds.stream(42);
    int k = 50;
    int draws = 4000;
    long[] totals = new long[COUNTS.length];
    int[] out = new int[COUNTS.length];
    for (int d = 0; d < draws; d++) {
      source.draw(rng, k, COUNTS, TOTAL, COUNTS.length, out);
      int sum = 0;
      for (int i = 0; i < out.length; i++) {
        totals[i] += out[i];
        sum += out[i];
        if (q[i] == 0) {
          assertThat(out[i]).isZero();
        }
      }
      assertThat(sum).isEqualTo(k);
    }
    double chi2 = 0;
    int df = -1;
    for (int i = 0; i < q.length; i++) {
      if (q[i] > 0) {
        double e = q[i] * k * draws;
        chi2 += (totals[i] - e) * (totals[i] - e) / e;
        df++;
      }
    }
    assertThat(chi2).isLessThan(Stats.chiSquareCritical(df, 1e-3));
  }
}
