package org.collapsefarm.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.collapsefarm.ParameterException;
import org.junit.jupiter.api.Test;

class WangAccumulateTest {

  /** Token counting: n real tokens plus (m−1) corpora of k·n synthetic ones (k·n an integer here). */
  @Test
  void realShareIsTheRealFractionOfThePool() {
    int n = 10;
    for (double k : new double[] {0.5, 1.0, 2.0}) {
      long synthetic = 0;
      for (int m = 1; m <= 50; m++) {
        double share = n / (double) (n + synthetic);
        assertThat(WangAccumulate.realShare(m, k)).isCloseTo(share, within(1e-15));
        assertThat(WangAccumulate.poolShare(m, n, k)).isCloseTo(share, within(1e-15));
        synthetic += (long) (k * n);
      }
    }
  }

  @Test
  void poolShareRoundsTheCorpusSize() {
    // k = 0.25, n = 10: corpora of round(2.5) = 3 tokens, so generation 3 has 10/(10 + 6).
    assertThat(WangAccumulate.poolShare(3, 10, 0.25)).isCloseTo(10.0 / 16, within(1e-15));
    assertThat(WangAccumulate.realShare(3, 0.25)).isCloseTo(1 / 1.5, within(1e-15));
  }

  @Test
  void rejectsGenerationZero() {
    assertThatThrownBy(() -> WangAccumulate.realShare(0, 1.0)).isInstanceOf(ParameterException.class);
  }
}
