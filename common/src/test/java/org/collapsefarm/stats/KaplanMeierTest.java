package org.collapsefarm.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {

  /**
   * Times 1, 2, 2, 3, 3+, 4, 5+, 5+ (+ = censored). At t = 1: 8 at risk, 1 dies → 7/8; t = 2: 7 at
   * risk, 2 die → 7/8·5/7 = 5/8; t = 3: 5 at risk (the censored 3 is still at risk), 1 dies → 1/2;
   * t = 4: 3 at risk, 1 dies → 1/3.
   */
  @Test
  void byHand() {
    int[] t = {1, 2, 2, 3, 3, 4, 5, 5};
    boolean[] c = {false, false, false, false, true, false, true, true};
    KaplanMeier km = new KaplanMeier(t, c);
    assertThat(km.survival(0)).isEqualTo(1.0);
    assertThat(km.survival(1)).isCloseTo(7.0 / 8, within(1e-15));
    assertThat(km.survival(2)).isCloseTo(5.0 / 8, within(1e-15));
    assertThat(km.survival(3)).isCloseTo(0.5, within(1e-15));
    assertThat(km.survival(4)).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(km.survival(9)).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(km.censoredCount()).isEqualTo(3);
    assertThat(km.plainMean()).isEmpty();
    // Greenwood at 2: (5/8)² (1/(8·7) + 2/(7·5)).
    assertThat(km.standardError(2)).isCloseTo(5.0 / 8 * Math.sqrt(1.0 / 56 + 2.0 / 35), within(1e-15));
    assertThat(km.quantile(0.5)).hasValue(3);
    assertThat(km.quantile(0.25)).hasValue(2);
    assertThat(km.quantile(0.9)).isEmpty();
    // Restricted mean to 5: S(0..4) = 1 + 7/8 + 5/8 + 1/2 + 1/3.
    assertThat(km.restrictedMean(5)).isCloseTo(1 + 7.0 / 8 + 5.0 / 8 + 0.5 + 1.0 / 3, within(1e-14));
  }

  /** Without censoring: Ŝ is the empirical survival and the restricted mean is the mean of min(T, M). */
  @Test
  void withoutCensoringMatchesTheSample() {
    int[] t = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
    boolean[] c = new boolean[t.length];
    KaplanMeier km = new KaplanMeier(t, c);
    assertThat(km.survival(3)).isCloseTo(0.5, within(1e-15));
    assertThat(km.plainMean()).hasValueCloseTo(3.9, within(1e-14));
    int cap = 5;
    double sum = 0;
    double sumSq = 0;
    for (int v : t) {
      int x = Math.min(v, cap);
      sum += x;
      sumSq += x * (double) x;
    }
    double mean = sum / t.length;
    assertThat(km.restrictedMean(cap)).isCloseTo(mean, within(1e-14));
    // The delta-method variance is then the plug-in variance Σ(x − x̄)²/R².
    double plugIn = (sumSq / t.length - mean * mean) / t.length;
    assertThat(km.restrictedMeanStandardError(cap)).isCloseTo(Math.sqrt(plugIn), within(1e-12));
  }

  /**
   * Geometric T with P(T > k) = 0.9^k, censored at M = 15, 2000 runs: Ŝ(k) within z·SE of 0.9^k at
   * every k (z Bonferroni over 15, α = 0.01), and the restricted mean within z·SE of Σ_{k<15} 0.9^k.
   */
  @Test
  void censoredGeometricRecoversTheTruth() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99L);
    int cap = 15;
    int runs = 2000;
    int[] t = new int[runs];
    boolean[] c = new boolean[runs];
    for (int r = 0; r < runs; r++) {
      int k = 1;
      while (rng.nextDouble() >= 0.1 && k <= cap) {
        k++;
      }
      c[r] = k > cap;
      t[r] = Math.min(k, cap);
    }
    KaplanMeier km = new KaplanMeier(t, c);
    assertThat(km.censoredCount()).isGreaterThan(0);
    double z = Intervals.zTwoSided(0.01, cap + 1);
    double truthMean = 0;
    for (int k = 0; k <= cap; k++) {
      assertThat(Math.abs(km.survival(k) - Math.pow(0.9, k))).as("k=%d", k)
          .isLessThanOrEqualTo(z * km.standardError(k));
      if (k < cap) {
        truthMean += Math.pow(0.9, k);
      }
    }
    assertThat(Math.abs(km.restrictedMean(cap) - truthMean)).isLessThanOrEqualTo(z * km.restrictedMeanStandardError(cap));
  }
}
