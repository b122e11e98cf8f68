package org.collapsefarm.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalsTest {

  @Test
  void normalQuantiles() {
    assertThat(Intervals.Z95).isCloseTo(1.959964, within(1e-6));
    // Bonferroni over 20: Φ^{-1}(1 − 0.05/40) = Φ^{-1}(0.99875) ≈ 3.0233.
    assertThat(Intervals.zTwoSided(0.05, 20)).isCloseTo(3.0233, within(1e-4));
  }

  @Test
  void meanFromSumsMatchesTheValues() {
    double[] x = {1, 2, 3, 4, 10};
    Estimate e = Intervals.mean(x, 2.0);
    // mean 4, unbiased variance (9+4+1+0+36)/4 = 12.5, SE = sqrt(12.5/5) = 1.5811.
    assertThat(e.value()).isEqualTo(4.0);
    assertThat(e.se()).isCloseTo(Math.sqrt(2.5), within(1e-14));
    assertThat(e.low()).isCloseTo(4 - 2 * Math.sqrt(2.5), within(1e-14));
    assertThat(e.high()).isCloseTo(4 + 2 * Math.sqrt(2.5), within(1e-14));
    assertThat(Intervals.mean(20, 130, 5, 2.0)).isEqualTo(e);
    assertThat(Intervals.mean(new double[] {0.7, 0.7, 0.7}, 2.0).se()).isEqualTo(0.0);
    assertThat(Intervals.mean(new double[] {3}, 2.0).se()).isNaN();
  }

  /** Textbook Wilson intervals (z = 1.96): 0/10 → [0, 0.2775], 5/10 → [0.2366, 0.7634], 10/10 → [0.7225, 1]. */
  @Test
  void wilsonKnownValues() {
    double z = 1.96;
    Estimate zero = Intervals.wilson(0, 10, z);
    assertThat(zero.low()).isEqualTo(0.0);
    assertThat(zero.high()).isCloseTo(0.2775, within(1e-4));
    Estimate half = Intervals.wilson(5, 10, z);
    assertThat(half.low()).isCloseTo(0.2366, within(1e-4));
    assertThat(half.high()).isCloseTo(0.7634, within(1e-4));
    assertThat(half.se()).isCloseTo(Math.sqrt(0.025), within(1e-15));
    Estimate all = Intervals.wilson(10, 10, z);
    assertThat(all.low()).isCloseTo(0.7225, within(1e-4));
    assertThat(all.high()).isEqualTo(1.0);
  }
}
