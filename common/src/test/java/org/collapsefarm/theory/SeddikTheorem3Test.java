package org.collapsefarm.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeddikTheorem3Test {

  @Test
  void constants() {
    assertThat(SeddikTheorem3.C0).isCloseTo(3.1967, within(1e-4));
    assertThat(SeddikTheorem3.C1).isCloseTo(2.9290, within(1e-4));
  }

  /** Each branch of G_n(s) against the formula evaluated directly in doubles (no overflow here). */
  @Test
  void logGMatchesDirectEvaluationOnEachBranch() {
    double c0 = Math.exp(3) / (2 * Math.PI);
    double c1 = 6 * Math.E / Math.pow(Math.PI, 1.5);
    int n = 4; // C0 n/4 + 2 = 5.197, C0 n/e + 2 = 6.704
    assertThat(Math.exp(SeddikTheorem3.logG(n, 5))).isCloseTo(Math.pow(2, 5) - 2, within(1e-12));
    assertThat(Math.exp(SeddikTheorem3.logG(n, 6)))
        .isCloseTo(c1 * 6 * Math.pow(c0 * n / 6, 3), within(1e-11));
    assertThat(Math.exp(SeddikTheorem3.logG(n, 7)))
        .isCloseTo(c1 * 7 * Math.exp(c0 * n / (2 * Math.E)), within(1e-11));
    assertThat(Math.exp(SeddikTheorem3.logG(n, 2))).isCloseTo(2.0, within(1e-14));
    assertThat(SeddikTheorem3.logG(n, 1)).isEqualTo(Double.NEGATIVE_INFINITY);
    // The bound: (1/N) sqrt(π n/2) G.
    assertThat(SeddikTheorem3.bound(100, n, 5)).isCloseTo(Math.sqrt(Math.PI * n / 2) * 30 / 100, within(1e-13));
  }

  @Test
  void logSpaceSurvivesOverflow() {
    // n = 2000, s = 1100 < C0 n/4 + 2: G = 2^1100 − 2, beyond the double range.
    double log = SeddikTheorem3.logBound(100, 2000, 1100);
    assertThat(log).isCloseTo(1100 * Math.log(2) + 0.5 * Math.log(Math.PI * 1000) - Math.log(100), within(1e-9));
    assertThat(SeddikTheorem3.bound(100, 2000, 1100)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void smallestInformativeNIsTheThreshold() {
    for (int[] ns : new int[][] {{10, 20}, {3, 6}, {50, 8}}) {
      int n = ns[0];
      int s = ns[1];
      double nMin = SeddikTheorem3.smallestInformativeN(n, s);
      assertThat(nMin).isLessThan(Integer.MAX_VALUE);
      assertThat(SeddikTheorem3.bound((int) nMin, n, s)).isLessThan(2.0);
      if (nMin > 1) {
        assertThat(SeddikTheorem3.bound((int) nMin - 1, n, s)).isGreaterThanOrEqualTo(2.0);
      }
    }
    // The paper's regime: astronomically large, still a finite double.
    assertThat(SeddikTheorem3.smallestInformativeN(100, 600)).isGreaterThan(1e25).isFinite();
  }

  /** The tightened threshold against a brute-force scan of N (bound < 2 from N0 on, checked far out). */
  @Test
  void tightenedThresholdAgainstScan() {
    for (int[] ns : new int[][] {{3, 30}, {5, 12}, {2, 60}, {10, 8}}) {
      int n = ns[0];
      int support = ns[1];
      double n0 = SeddikTheorem3.smallestInformativeNTightened(n, support);
      int limit = (int) Math.max(4 * n0, 4 * support);
      int last = 0; // the largest N with bound >= 2
      for (int bigN = 1; bigN <= limit; bigN++) {
        double b = Math.exp(SeddikTheorem3.logBoundTightened(bigN, n, support));
        if (b >= 2.0) {
          last = bigN;
        }
      }
      assertThat(n0).as("n=%d s~=%d", n, support).isEqualTo(last + 1.0);
    }
  }
}
