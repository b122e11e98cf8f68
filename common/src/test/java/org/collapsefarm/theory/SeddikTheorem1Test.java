package org.collapsefarm.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.collapsefarm.ParameterException;
import org.junit.jupiter.api.Test;

class SeddikTheorem1Test {

  @Test
  void eq6AgainstTheExactChain() {
    double[] p = {0.7, 0.2, 0.1};
    int n = 9;
    SeddikTheorem1 thm = new SeddikTheorem1(0.49 + 0.04 + 0.01, 3, n);
    double[] exact = new ExactChain(p, n).expectedSigma(200);
    for (int m = 0; m <= 200; m++) {
      assertThat(thm.expectedSigma(m)).as("S_%d", m).isCloseTo(exact[m], within(1e-12));
    }
  }

  @Test
  void eq6ByDirectPower() {
    SeddikTheorem1 thm = new SeddikTheorem1(0.1, 52, 100);
    assertThat(thm.expectedSigma(0)).isCloseTo(0.1, within(1e-15));
    assertThat(thm.expectedSigma(1)).isCloseTo(1 - 0.99 * 0.9, within(1e-15));
    assertThat(thm.expectedSigma(250)).isCloseTo(1 - Math.pow(0.99, 250) * 0.9, within(1e-13));
    // n = 1: the first generation is a Dirac.
    assertThat(new SeddikTheorem1(0.3, 5, 1).expectedSigma(1)).isEqualTo(1.0);
    assertThat(new SeddikTheorem1(0.3, 5, 1).expectedSigma(0)).isCloseTo(0.3, within(1e-15));
  }

  /**
   * eq. 7 and eq. 8 are theorems: the exact chain must lie inside them for every k >= 1. (At k = 0
   * eq. 7's upper bound n(1−S_0) on P(T > 0) = 1 can fail: its proof uses 1 − σ >= 1/n, true only for
   * models on the 1/n lattice, i.e. from generation 1 on.)
   */
  @Test
  void eq7AndEq8ContainTheExactChain() {
    double[][] ps = {{0.5, 0.3, 0.2}, {0.25, 0.25, 0.25, 0.25}, {0.97, 0.03}, {0.4, 0.3, 0.2, 0.1}};
    int[] ns = {5, 12, 20, 30};
    for (double[] p : ps) {
      for (int n : ns) {
        if (ExactChain.stateCount(n, p.length) > ExactChain.MAX_STATES) {
          continue;
        }
        double s0 = 0;
        for (double v : p) {
          s0 += v * v;
        }
        SeddikTheorem1 thm = new SeddikTheorem1(s0, p.length, n);
        ExactChain chain = new ExactChain(p, n);
        double[] surv = chain.survival(400);
        for (int k = 1; k <= 400; k++) {
          assertThat(surv[k]).isBetween(thm.survivalLower(k) - 1e-12, thm.survivalUpper(k) + 1e-12);
          assertThat(1 - surv[k]).isBetween(thm.rhoLower(k) - 1e-12, thm.rhoUpper(k) + 1e-12);
        }
        double et = chain.expectedCollapseTime();
        assertThat(et).isBetween(thm.expectedTimeLower() - 1e-9, thm.expectedTimeUpper() + 1e-9);
      }
    }
  }

  /** n = 2 with two tokens: both eq. 8 bounds equal the exact E[T] = 1 + 4ab (ExactChainTest). */
  @Test
  void eq8IsTightForTwoSamplesTwoTokens() {
    double a = 0.35;
    double b = 0.65;
    SeddikTheorem1 thm = new SeddikTheorem1(a * a + b * b, 2, 2);
    assertThat(thm.expectedTimeLower()).isCloseTo(1 + 4 * a * b, within(1e-14));
    assertThat(thm.expectedTimeUpper()).isCloseTo(1 + 4 * a * b, within(1e-14));
  }

  @Test
  void eq7UpperBoundOnSurvivalFailsAtGenerationZero() {
    // p = (0.97, 0.03), n = 5: n(1 − S_0) = 0.291 < 1 = P(T > 0), which is why eq. 7 is used from m = 1.
    assertThat(new SeddikTheorem1(0.97 * 0.97 + 0.03 * 0.03, 2, 5).survivalUpper(0)).isLessThan(1.0);
  }

  @Test
  void eq7ClosedFormsByHand() {
    // S_0 = 0.5, s~ = 4, n = 10, k = 3: (0.5/0.75)·0.9³ and 10·0.5·0.9³.
    SeddikTheorem1 thm = new SeddikTheorem1(0.5, 4, 10);
    assertThat(thm.survivalLower(3)).isCloseTo(0.5 / 0.75 * 0.729, within(1e-14));
    assertThat(thm.survivalUpper(3)).isCloseTo(5 * 0.729, within(1e-13));
    assertThat(thm.rhoUpper(3)).isCloseTo(1 - 0.5 / 0.75 * 0.729, within(1e-14));
    assertThat(thm.rhoLower(3)).isCloseTo(1 - 5 * 0.729, within(1e-13));
    assertThat(thm.expectedTimeLower()).isCloseTo(1 + 0.5 / 0.75 * 9, within(1e-13));
    assertThat(thm.expectedTimeUpper()).isCloseTo(1 + 0.5 * 90, within(1e-12));
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new SeddikTheorem1(1.5, 3, 10)).isInstanceOf(ParameterException.class);
    assertThatThrownBy(() -> new SeddikTheorem1(0.5, 3, 0)).isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("n:");
  }
}
